package org.planwatch.notification.measurestatus.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;
import org.planwatch.notification.mail.ComposedMail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per measure key, replaced only by a chart drawn at the same time or later. */
@Repository
public class MeasureChartStore {

    static final String COLLECTION = "measureCharts";
    private final MongoTemplate mongo;

    MeasureChartStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void keepUnlessOlder(String key, byte[] png, String description, Instant drawnAt) {
        Query notNewer = Query.query(where("_id").is(key).and("drawnAt").lte(drawnAt));
        try {
            mongo.upsert(notNewer, new Update().set("png", png).set("description", description)
                    .set("drawnAt", drawnAt), COLLECTION);
        } catch (DuplicateKeyException newerKept) {
            // A later chart is kept: this one is older news.
        }
    }

    public Optional<ComposedMail.Chart> find(String key) {
        Document found = mongo.findById(key, Document.class, COLLECTION);
        return found == null || found.png() == null ? Optional.empty()
                : Optional.of(new ComposedMail.Chart(found.png(), found.description()));
    }

    record Document(String id, byte[] png, String description, Instant drawnAt) {
    }
}
