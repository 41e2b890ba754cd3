package org.planwatch.mongo.copy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps a service's copy of what another service announced (an action, a measure's name, its chart) one document per
 * thing, replaced only by news at least as recent as what it holds: events of one thing arrive in order, but a
 * redelivery after a crash may bring an older one again. One conditional upsert: where the document holds something
 * newer, the upsert's insert collides on the id and the older news is dropped.
 */
public final class NewestCopy {

    private NewestCopy() {
    }

    /**
     * Writes {@code copy} (with {@code orderedBy} set to {@code position}) to document {@code id}, unless it already
     * holds a later {@code orderedBy}; returns whether it was written.
     */
    public static boolean keep(MongoTemplate mongo, String collection, String id, String orderedBy,
                               Comparable<?> position, Update copy) {
        Query notNewer = Query.query(where("_id").is(id).and(orderedBy).lte(position));
        try {
            mongo.upsert(notNewer, copy.set(orderedBy, position), collection);
            return true;
        } catch (DuplicateKeyException newerKept) {
            return false;
        }
    }
}
