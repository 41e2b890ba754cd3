/** Each measure's series, as it stands, in MongoDB: one small document per measure and year. */
package org.planwatch.measure.progress.store;
