/** Measure definitions and their latest judgement in MongoDB. */
package org.planwatch.measure.definition.store;
