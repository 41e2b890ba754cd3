/** Measure definitions: what a measure counts, its baseline, targets, frequency and publishers (plain Java). */
package org.planwatch.measure.definition;
