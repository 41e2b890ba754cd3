package org.planwatch.plan.action;

/** How exactly a plan states a date: "30 June 2022" is a DAY, "Jun 22" a MONTH, "Q2 2022" a QUARTER. */
public enum DatePrecision {
    DAY, MONTH, QUARTER, YEAR
}
