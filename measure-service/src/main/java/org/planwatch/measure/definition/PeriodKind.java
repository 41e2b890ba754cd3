package org.planwatch.measure.definition;

/** The span a data point covers, as partners write it: "2024-03", "2024-Q1", "2024", "2024-03-15". */
public enum PeriodKind {
    MONTH,
    QUARTER,
    YEAR,
    DATE
}
