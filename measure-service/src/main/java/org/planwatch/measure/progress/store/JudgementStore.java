package org.planwatch.measure.progress.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.progress.Judgement;
import org.planwatch.measure.progress.MeasureStatus;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Each measure's judgement, kept in the measure's own document (which the definition feature owns) so that a
 * judgement and the status event announcing it are one single-document update, conditional on the version that a
 * change of definition raises too: a judgement of an older definition or of older figures never replaces a newer
 * one. This store writes only the judgement, the outbox, the version and the request to judge again.
 */
@Repository
public class JudgementStore {

    private static final String COLLECTION = "measures";
    private final MongoTemplate mongo;
    private final Clock clock;

    JudgementStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("judgeRequestedAt", Sort.Direction.ASC).sparse());
        // A judgement is recorded on a measure found by id and version. MongoDB finds it by the _id index alone; this
        // one is for stores that use an index only when its keys are exactly the query's (mongo-java-server, the local
        // stand-in, scanned every measure for each judgement without it). The version changes only with a judgement
        // or a definition, so the index costs next to nothing; one on the time judging was asked for would change
        // with every poll of figures.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique());
        // Only documents with events waiting carry the field: the outbox relay's query reads this small index.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("outbox.eventId", Sort.Direction.ASC).sparse());
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record JudgedMeasure(@Id String key, MeasureDefinition definition, Judgement judgement, long version,
                         Instant updatedAt, List<OutboxEvent> outbox) {

        MeasureStatus status() {
            return new MeasureStatus(definition, judgement, version);
        }
    }

    public Optional<MeasureStatus> find(String key) {
        return Optional.ofNullable(mongo.findOne(withoutOutbox(query(where("_id").is(key))), JudgedMeasure.class))
                .map(JudgedMeasure::status);
    }

    /** These measures as they stand, by key. */
    public Map<String, MeasureStatus> find(Collection<String> keys) {
        Map<String, MeasureStatus> found = new LinkedHashMap<>();
        mongo.find(withoutOutbox(query(where("_id").in(keys))), JudgedMeasure.class)
                .forEach(m -> found.put(m.key(), m.status()));
        return found;
    }

    /**
     * Records a new judgement of a measure still at {@code expectedVersion}, with the events that announce it, in
     * one single-document update; false if the measure changed meanwhile (the caller judges again).
     */
    public boolean recordJudgement(String key, long expectedVersion, Judgement judgement, List<OutboxEvent> events) {
        Update update = new Update().set("judgement", judgement).set("version", expectedVersion + 1)
                .set("updatedAt", clock.instant());
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        return mongo.updateFirst(query(where("_id").is(key).and("version").is(expectedVersion)), update,
                JudgedMeasure.class).getMatchedCount() == 1;
    }

    /** Asks for these measures to be judged again soon: new figures arrived. */
    public void markForJudging(Collection<String> keys, Instant at) {
        if (!keys.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(keys)), new Update().set("judgeRequestedAt", at), COLLECTION);
        }
    }

    /** Measures asked to be judged again, with when each was asked. */
    public Map<String, Instant> markedForJudging(int limit) {
        Query marked = query(where("judgeRequestedAt").exists(true)).limit(limit);
        marked.fields().include("_id").include("judgeRequestedAt");
        Map<String, Instant> found = new LinkedHashMap<>();
        for (Document d : mongo.find(marked, Document.class, COLLECTION)) {
            found.put(d.getString("_id"), d.getDate("judgeRequestedAt").toInstant());
        }
        return found;
    }

    /** Clears the request, unless another came after {@code askedAt}: then the measure is judged once more. */
    public void judged(String key, Instant askedAt) {
        mongo.updateFirst(query(where("_id").is(key).and("judgeRequestedAt").is(askedAt)),
                new Update().unset("judgeRequestedAt"), COLLECTION);
    }

    /** Measures whose next figure was due before {@code date} and that are not flagged stale yet. */
    public List<String> overdueAndNotStale(LocalDate date, int limit) {
        Query overdue = query(where("judgement.expectedBy").lt(date).and("judgement.stale").is(false)).limit(limit);
        overdue.fields().include("_id");
        return mongo.find(overdue, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    private static Query withoutOutbox(Query query) {
        query.fields().include("definition").include("judgement").include("version");
        return query;
    }
}
