package org.planwatch.notification.actionview;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The action views in MongoDB. */
@Repository
public class ActionViews {

    static final String COLLECTION = "action_views";
    private final MongoTemplate mongo;
    private final Clock clock;

    ActionViews(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Stores the view unless a newer version is already stored: events of one action arrive in order on one
     * partition, but a redelivery after a rebalance can bring an old one back.
     */
    public void keepNewest(ActionView view) {
        store(view, where("_id").is(view.id()).and("version").lt(view.version()));
    }

    /**
     * Stores the view of an action whose surroundings changed (plan title, lead emails) unless a newer version is
     * already stored: such an event describes the action at a version the view may already hold.
     */
    public void refresh(ActionView view) {
        store(view, where("_id").is(view.id()).and("version").lte(view.version()));
    }

    private void store(ActionView view, org.springframework.data.mongodb.core.query.Criteria unlessNewer) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(view, document);
        document.remove("_id");
        document.remove("_class");
        document.remove("firstSeen");
        org.bson.Document update = new org.bson.Document("$set", document).append("$setOnInsert",
                new org.bson.Document("firstSeen", mongo.getConverter().convertToMongoType(LocalDate.now(clock))));
        try {
            mongo.upsert(query(unlessNewer), Update.fromDocument(update), COLLECTION);
        } catch (DuplicateKeyException newerAlreadyStored) {
            // the filter missed because a newer version is stored; that one stays
        }
    }

    /** Every action not deleted and not COMPLETE, streamed rather than loaded at once. */
    public java.util.stream.Stream<ActionView> live() {
        return mongo.stream(query(where("deleted").is(false).and("rag").ne("COMPLETE")), ActionView.class, COLLECTION);
    }

    public Optional<ActionView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ActionView.class, COLLECTION));
    }
}
