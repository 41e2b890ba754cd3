package org.planwatch.measure.definition.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.problem.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Measure definitions in MongoDB, one document each, changed only by conditional updates on their version. */
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
    }

    public MeasureDocument insert(MeasureDefinition definition) {
        Instant now = clock.instant();
        try {
            return mongo.insert(new MeasureDocument(definition.key(), definition, 1, now, now));
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
        query.fields().include("definition").include("version").include("createdAt").include("updatedAt");
        return mongo.find(query, MeasureDocument.class);
    }

    /** Replaces the definition of a measure still at {@code expectedVersion}; false if someone changed it first. */
    public boolean replace(MeasureDefinition definition, long expectedVersion) {
        return mongo.updateFirst(query(where("_id").is(definition.key()).and("version").is(expectedVersion)),
                new Update().set("definition", definition).set("version", expectedVersion + 1)
                        .set("updatedAt", clock.instant()), MeasureDocument.class).getMatchedCount() == 1;
    }
}
