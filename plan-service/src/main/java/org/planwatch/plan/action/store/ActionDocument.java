package org.planwatch.plan.action.store;

import java.time.Instant;
import java.util.List;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.HistoryEntry;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored shape of an action. State, history and the events still to publish live in one document so that
 * one single-document update changes all three together: no transaction, no lost event.
 */
@Document(ActionDocument.COLLECTION)
record ActionDocument(@Id String id, long version, boolean deleted, Instant updatedAt, Action action,
                      List<HistoryEntry> history, List<OutboxEvent> outbox) {

    static final String COLLECTION = "actions";
}
