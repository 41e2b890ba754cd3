package org.planwatch.measure.progress;

/** How the latest figure compares with the one before it, in the measure's better direction. */
public enum Trend {
    IMPROVING,
    STEADY,
    WORSENING,
    /** Only one figure so far. */
    UNKNOWN
}
