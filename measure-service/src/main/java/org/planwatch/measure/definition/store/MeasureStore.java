package org.planwatch.measure.definition.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.progress.Judgement;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.planwatch.problem.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Measures in MongoDB, one document each, changed only by conditional updates on their version. */
@Repository
public class MeasureStore {

    static final String COLLECTION = "measures";
    private final MongoTemplate mongo;
    private final Clock clock;

    MeasureStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("definition.partnership", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("definition.actionIds", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("judgeRequestedAt", Sort.Direction.ASC).sparse());
        // Only documents with events waiting carry the field: the outbox relay's query reads this small index.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("outbox.eventId", Sort.Direction.ASC).sparse());
    }

    public MeasureDocument insert(MeasureDefinition definition) {
        Instant now = clock.instant();
        try {
            return mongo.insert(new MeasureDocument(definition.key(), definition, null, 1, now, now, List.of()));
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("a measure with the key '" + definition.key() + "' exists already");
        }
    }

    public Optional<MeasureDocument> find(String key) {
        return Optional.ofNullable(mongo.findById(key, MeasureDocument.class));
    }

    /** The definitions of these measures: taking figures in needs only the rules, not the judgement or outbox. */
    public List<MeasureDefinition> definitions(Collection<String> keys) {
        Query wanted = query(where("_id").in(keys));
        wanted.fields().include("definition").include("version");
        return mongo.find(wanted, MeasureDocument.class).stream().map(MeasureDocument::definition).toList();
    }

    /** Measures of a partnership, or those an organisation publishes, or those evidencing an action. */
    public List<MeasureDocument> search(String partnership, String publisher, String actionId) {
        Criteria criteria = new Criteria();
        if (partnership != null) {
            criteria = criteria.and("definition.partnership").is(partnership);
        }
        if (publisher != null) {
            criteria = criteria.and("definition.publishers").regex("^" + java.util.regex.Pattern.quote(publisher)
                    + "$", "i");
        }
        if (actionId != null) {
            criteria = criteria.and("definition.actionIds").is(actionId);
        }
        Query query = new Query(criteria).with(Sort.by("_id")).limit(1000);
        query.fields().exclude("outbox");
        return mongo.find(query, MeasureDocument.class);
    }

    /** Replaces the definition of a measure still at {@code expectedVersion}; false if someone changed it first. */
    public boolean replace(MeasureDefinition definition, long expectedVersion) {
        return mongo.updateFirst(query(where("_id").is(definition.key()).and("version").is(expectedVersion)),
                new Update().set("definition", definition).set("version", expectedVersion + 1)
                        .set("updatedAt", clock.instant()), MeasureDocument.class).getMatchedCount() == 1;
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
                MeasureDocument.class).getMatchedCount() == 1;
    }

    /** Asks for these measures to be judged again soon: new figures arrived. */
    public void markForJudging(Collection<String> keys, Instant at) {
        if (!keys.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(keys)), new Update().set("judgeRequestedAt", at), COLLECTION);
        }
    }

    /** Measures asked to be judged again, with when each was asked. */
    public java.util.Map<String, Instant> markedForJudging(int limit) {
        Query marked = query(where("judgeRequestedAt").exists(true)).limit(limit);
        marked.fields().include("_id").include("judgeRequestedAt");
        java.util.Map<String, Instant> found = new java.util.LinkedHashMap<>();
        for (org.bson.Document d : mongo.find(marked, org.bson.Document.class, COLLECTION)) {
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
    public List<MeasureDocument> overdueAndNotStale(java.time.LocalDate date, int limit) {
        return mongo.find(query(where("judgement.expectedBy").lt(date).and("judgement.stale").is(false)).limit(limit),
                MeasureDocument.class);
    }
}
