package org.planwatch.measure.rejection;

import java.time.Instant;

/** The latest time a refused figure was taken in again: when, by whom, and what became of it. */
public record Replay(Instant at, String by, Outcome outcome, String reason) {

    public enum Outcome { STORED, ALREADY_STORED, REFUSED_AGAIN }
}
