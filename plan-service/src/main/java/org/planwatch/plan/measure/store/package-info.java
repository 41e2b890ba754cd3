/** The copy of measure-service's measures, one document per measure. */
package org.planwatch.plan.measure.store;
