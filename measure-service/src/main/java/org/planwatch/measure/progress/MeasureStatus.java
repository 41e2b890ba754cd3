package org.planwatch.measure.progress;

import org.planwatch.measure.definition.MeasureDefinition;

/** A measure as it stands: its definition, the judgement of its figures (none before its first) and its version. */
public record MeasureStatus(MeasureDefinition definition, Judgement judgement, long version) {

    public String key() {
        return definition.key();
    }
}
