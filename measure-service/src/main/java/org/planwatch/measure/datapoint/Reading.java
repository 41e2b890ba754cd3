package org.planwatch.measure.datapoint;

import java.math.BigDecimal;
import java.time.Instant;
import org.planwatch.measure.definition.ReportingPeriod;

/**
 * A checked figure: one revision of a measure's value for a period. Several readings of the same period are the
 * partner's corrections; the one produced last is the value, the others are its history.
 */
public record Reading(String measure, ReportingPeriod period, BigDecimal value, String source, String organisation,
                      String eventId, Instant producedAt, Instant receivedAt) {
}
