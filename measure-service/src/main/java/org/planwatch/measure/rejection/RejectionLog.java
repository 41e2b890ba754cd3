package org.planwatch.measure.rejection;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import java.time.Duration;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    /** The latest refusals, newest first: a partnership's, an organisation's, or of one measure. */
    public List<RejectedItem> latest(String partnership, String organisation, String measure, int page, int size) {
        Criteria criteria = new Criteria();
        if (partnership != null) {
            criteria = criteria.and("partnership").is(partnership);
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
}
