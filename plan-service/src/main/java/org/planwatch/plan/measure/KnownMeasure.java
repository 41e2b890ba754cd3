package org.planwatch.plan.measure;

import java.time.Instant;

/** A measure as measure-service last announced it: its key (the id an action links to), name and partnership. */
public record KnownMeasure(String key, String name, String partnership, Instant announcedAt) {
}
