package org.planwatch.measure.progress;

import java.math.BigDecimal;
import org.planwatch.measure.definition.ReportingPeriod;

/** A measure's value for a period, as it stands after every correction. */
public record Point(ReportingPeriod period, BigDecimal value) {
}
