package org.planwatch.measure.rejection;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Refused figures, kept for 90 days. Each has an id derived from what was refused (the event, or the request and
 * item), so a batch delivered again logs its refusals once.
 */
@Repository
public class RejectionLog {

    static final String COLLECTION = "rejections";
    private final MongoTemplate mongo;

    RejectionLog(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("receivedAt", Sort.Direction.ASC)
                .expire(Duration.ofDays(90)));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("organisation", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.DESC));
    }

    public void record(List<RejectedItem> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RejectedItem.class, COLLECTION);
        bulk.insert(rejected);
        try {
            bulk.execute();
        } catch (org.springframework.data.mongodb.BulkOperationException logged) {
            boolean onlyRepeats = logged.getErrors().stream().allMatch(e -> e.getCode() == 11000);
            if (!onlyRepeats) {
                throw logged;
            }
        } catch (MongoBulkWriteException logged) {
            if (!logged.getWriteErrors().stream().allMatch(e -> e.getCode() == 11000)) {
                throw logged;
            }
        }
    }

    /**
     * The latest refusals, newest first, of a partnership (with those attributed to no partnership that came from
     * {@code itsPublishers}, such as figures for a measure not defined yet), or of one organisation; of one measure
     * where {@code measure} is given.
     */
    public List<RejectedItem> latest(String partnership, Collection<String> itsPublishers, String organisation,
                                     String measure, int page, int size) {
        Criteria criteria = new Criteria();
        if (partnership != null) {
            List<Criteria> ours = new ArrayList<>();
            ours.add(where("partnership").is(partnership));
            if (!itsPublishers.isEmpty()) {
                ours.add(where("partnership").is(null).and("organisation").in(itsPublishers));
            }
            criteria = criteria.orOperator(ours);
        }
        if (organisation != null) {
            criteria = criteria.and("organisation").is(organisation);
        }
        if (measure != null) {
            criteria = criteria.and("measure").is(measure);
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "receivedAt", "_id"))
                .skip((long) page * size).limit(size), RejectedItem.class, COLLECTION);
    }

    public Optional<RejectedItem> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RejectedItem.class, COLLECTION));
    }

    public void replayed(String id, Replay replay) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("replayed", replay), COLLECTION);
    }
}
