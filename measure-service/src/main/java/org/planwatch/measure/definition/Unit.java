package org.planwatch.measure.definition;

import java.math.BigDecimal;
import java.util.Optional;

/** What a measure counts, and the values that make sense for it. */
public enum Unit {
    /** A whole number of things: carers supported, businesses accredited. */
    COUNT,
    /** A share of 100: carers who feel supported. */
    PERCENTAGE,
    /** Pounds and pence. */
    CURRENCY,
    /** A ratio such as "per 1,000 population"; any value not below zero. */
    RATE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Why {@code value} cannot be a value of this unit, if it cannot. */
    public Optional<String> refuse(BigDecimal value) {
        if (value.signum() < 0 && this != CURRENCY) {
            return Optional.of("must not be below zero for a " + label());
        }
        return switch (this) {
            case COUNT -> value.stripTrailingZeros().scale() > 0
                    ? Optional.of("must be a whole number for a count") : Optional.empty();
            case PERCENTAGE -> value.compareTo(HUNDRED) > 0
                    ? Optional.of("must be between 0 and 100 for a percentage") : Optional.empty();
            case CURRENCY -> value.stripTrailingZeros().scale() > 2
                    ? Optional.of("must have at most two decimal places for an amount of money") : Optional.empty();
            case RATE -> Optional.empty();
        };
    }

    private String label() {
        return switch (this) {
            case COUNT -> "count";
            case PERCENTAGE -> "percentage";
            case CURRENCY -> "amount of money";
            case RATE -> "rate";
        };
    }
}
