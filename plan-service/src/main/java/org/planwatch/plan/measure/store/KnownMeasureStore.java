package org.planwatch.plan.measure.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.planwatch.plan.measure.KnownMeasure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per measure key, replaced only by an announcement at least as recent: a redelivered older event
 * leaves a renamed measure's new name in place.
 */
@Repository
public class KnownMeasureStore {

    static final String COLLECTION = "knownMeasures";
    private final MongoTemplate mongo;

    KnownMeasureStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("partnership", Sort.Direction.ASC));
    }

    public void keepUnlessOlder(KnownMeasure measure) {
        Query notNewer = Query.query(where("_id").is(measure.key()).and("announcedAt").lte(measure.announcedAt()));
        try {
            mongo.upsert(notNewer, new Update().set("name", measure.name()).set("partnership", measure.partnership())
                    .set("announcedAt", measure.announcedAt()), COLLECTION);
        } catch (DuplicateKeyException newerKept) {
            // A later announcement is kept: this one is older news.
        }
    }

    public List<KnownMeasure> of(String partnership) {
        Query query = Query.query(where("partnership").regex("^" + Pattern.quote(partnership.strip()) + "$", "i"))
                .with(Sort.by("_id")).limit(5000);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> new KnownMeasure(d.id(), d.name(), d.partnership(), d.announcedAt())).toList();
    }

    record Document(String id, String name, String partnership, Instant announcedAt) {
    }
}
