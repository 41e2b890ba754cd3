package org.planwatch.plan.measure.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.planwatch.mongo.copy.NewestCopy;
import org.planwatch.plan.measure.KnownMeasure;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per measure key, replaced only by an announcement at least as recent ({@link NewestCopy}): a
 * redelivered older event leaves a renamed measure's new name in place.
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
        NewestCopy.keep(mongo, COLLECTION, measure.key(), "announcedAt", measure.announcedAt(), new Update()
                .set("name", measure.name()).set("partnership", measure.partnership()));
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
