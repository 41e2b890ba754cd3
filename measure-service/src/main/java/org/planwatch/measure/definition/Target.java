package org.planwatch.measure.definition;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A value the partnership means to reach by a date. A measure may have several, one after another. */
public record Target(BigDecimal value, LocalDate by) {
}
