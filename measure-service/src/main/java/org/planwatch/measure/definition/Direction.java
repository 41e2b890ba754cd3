package org.planwatch.measure.definition;

import java.math.BigDecimal;

/** Which way a measure is better: more carers supported, or fewer carers in crisis. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** Whether {@code value} is at least as good as {@code reference}. */
    public boolean atLeastAsGood(BigDecimal value, BigDecimal reference) {
        int compared = value.compareTo(reference);
        return this == HIGHER_IS_BETTER ? compared >= 0 : compared <= 0;
    }

    /** Whether {@code value} is better than {@code reference}, and not merely equal. */
    public boolean better(BigDecimal value, BigDecimal reference) {
        return value.compareTo(reference) != 0 && atLeastAsGood(value, reference);
    }
}
