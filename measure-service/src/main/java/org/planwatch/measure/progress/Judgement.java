package org.planwatch.measure.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.planwatch.measure.definition.Target;

/**
 * What a measure's figures say: its outlook, the latest figure and its trend, the target judged against, the value
 * the straight line from baseline to target expects at the latest figure's date, the value the trend projects at the
 * target's date and how it was projected, whether the figures are stale, and the rule that decided, in words.
 */
public record Judgement(Outlook outlook, Point latest, Trend trend, Target target, BigDecimal expectedNow,
                        BigDecimal projected, String projection, boolean stale, LocalDate expectedBy,
                        String reason) {

    /** Whether this says something different from {@code before} that people act on. */
    public boolean differsFrom(Judgement before) {
        return before == null || outlook != before.outlook || stale != before.stale;
    }
}
