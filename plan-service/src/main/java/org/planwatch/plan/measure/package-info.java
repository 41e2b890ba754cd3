/**
 * The measures measure-service has announced on measure.status.events (key, name, partnership): what lets a plan
 * import link an action's words ("Number of carers supported") to the measure that counts them. A copy, never the
 * truth: measure-service owns measures.
 */
package org.planwatch.plan.measure;
