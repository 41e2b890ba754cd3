package org.planwatch.measure.definition.store;

import java.time.Instant;
import org.planwatch.measure.definition.MeasureDefinition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measure's definition as stored, with a version that every change of the document raises. The same document
 * carries the measure's judgement and the status events waiting to be published, which the progress feature writes
 * (conditional on this version) and reads; this feature never touches them.
 */
@Document(MeasureStore.COLLECTION)
public record MeasureDocument(@Id String key, MeasureDefinition definition, long version, Instant createdAt,
                              Instant updatedAt) {
}
