package org.planwatch.measure.definition;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Where a measure started: its value on a date, from which progress towards the targets is drawn. */
public record Baseline(BigDecimal value, LocalDate date) {
}
