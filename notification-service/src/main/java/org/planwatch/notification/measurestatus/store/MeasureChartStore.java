package org.planwatch.notification.measurestatus.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import org.planwatch.mongo.copy.NewestCopy;
import org.planwatch.notification.mail.ComposedMail;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per measure key, replaced only by a chart drawn at the same time or later ({@link NewestCopy}). */
@Repository
public class MeasureChartStore {

    static final String COLLECTION = "measureCharts";
    private final MongoTemplate mongo;

    MeasureChartStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void keepUnlessOlder(String key, byte[] png, String description, Instant drawnAt) {
        NewestCopy.keep(mongo, COLLECTION, key, "drawnAt", drawnAt, new Update().set("png", png)
                .set("description", description));
    }

    public Optional<ComposedMail.Chart> find(String key) {
        return chart(mongo.findById(key, Document.class, COLLECTION));
    }

    /** The measure's chart if the one kept was drawn at {@code drawnAt} or later. */
    public Optional<ComposedMail.Chart> findDrawnSince(String key, Instant drawnAt) {
        return chart(mongo.findOne(query(where("_id").is(key).and("drawnAt").gte(drawnAt)), Document.class,
                COLLECTION));
    }

    private static Optional<ComposedMail.Chart> chart(Document found) {
        return found == null || found.png() == null ? Optional.empty()
                : Optional.of(new ComposedMail.Chart(found.png(), found.description()));
    }

    record Document(String id, byte[] png, String description, Instant drawnAt) {
    }
}
