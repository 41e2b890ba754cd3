package org.planwatch.measure.progress;

/** Whether a measure will meet its target, as its figures so far say. */
public enum Outlook {
    /** At or ahead of the straight line from baseline to target, and its trend reaches the target. */
    ON_TRACK,
    /** Behind the line but its trend reaches the target, or ahead of it with a trend that falls short. */
    AT_RISK,
    /** Behind the line, and its trend falls short of the target too. */
    OFF_TRACK,
    /** No figures yet, or no target to judge them against. */
    NOT_JUDGED
}
