/** The log of refused figures, kept for administrators and partners to read. */
package org.planwatch.measure.rejection;
