package org.planwatch.measure.definition.store;

import java.time.Instant;
import java.util.List;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.progress.Judgement;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measure as stored: its definition, the latest judgement of its figures, a version that every change raises,
 * and the status events waiting to be published (written in the same single-document update as the judgement).
 */
@Document(MeasureStore.COLLECTION)
public record MeasureDocument(@Id String key, MeasureDefinition definition, Judgement judgement, long version,
                              Instant createdAt, Instant updatedAt, List<OutboxEvent> outbox) {
}
