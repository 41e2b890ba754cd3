package org.planwatch.measure.definition;

import java.time.Period;

/** How often a partner reports a measure, which decides the periods its data points may have. */
public enum Frequency {
    MONTHLY(PeriodKind.MONTH, Period.ofMonths(1)),
    QUARTERLY(PeriodKind.QUARTER, Period.ofMonths(3)),
    ANNUALLY(PeriodKind.YEAR, Period.ofYears(1)),
    /** Readings on a date of their own, such as a survey: reported at least once a year. */
    AS_MEASURED(PeriodKind.DATE, Period.ofYears(1));

    private final PeriodKind periodKind;
    private final Period interval;

    Frequency(PeriodKind periodKind, Period interval) {
        this.periodKind = periodKind;
        this.interval = interval;
    }

    /** The kind of period each data point of such a measure is for. */
    public PeriodKind periodKind() {
        return periodKind;
    }

    /** How long after a period's end its figure is expected, before any grace. */
    public Period interval() {
        return interval;
    }
}
