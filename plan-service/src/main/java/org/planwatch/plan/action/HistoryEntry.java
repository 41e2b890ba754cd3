package org.planwatch.plan.action;

import java.time.Instant;

/** One line of an action's timeline: who changed which part, from what to what, when and why. */
public record HistoryEntry(Instant at, String by, String field, String from, String to, String reason,
                           long version) {
}
