package org.planwatch.measure.datapoint.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.BulkWriteOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.planwatch.measure.datapoint.Reading;
import org.planwatch.measure.definition.ReportingPeriod;
import org.planwatch.measure.progress.Point;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * Data points in MongoDB: one document per measure and period, holding every revision the partner sent for it.
 * A batch is one unordered bulk write of conditional upserts: a reading whose event id the period already holds
 * matches nothing, so its upsert collides with the existing document's id, which is how a repeat is recognised;
 * anything else appends a revision. No read precedes the write, so redelivered and concurrent batches need no lock.
 */
@Repository
public class DataPointStore {

    static final String COLLECTION = "datapoints";
    private static final int DUPLICATE_KEY = 11000;
    private final MongoTemplate mongo;

    DataPointStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("measure", Sort.Direction.ASC)
                .on("periodEnd", Sort.Direction.ASC));
    }

    /** What a batch did: how many readings were new (a first figure or a correction) and how many repeats. */
    public record Stored(int added, int repeats) {
    }

    public Stored store(List<Reading> readings) {
        if (readings.isEmpty()) {
            return new Stored(0, 0);
        }
        List<WriteModel<Document>> writes = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            Bson notYetHeld = Filters.and(Filters.eq("_id", id(reading.measure(), reading.period())),
                    Filters.ne("revisions.eventId", reading.eventId()));
            Bson append = Updates.combine(
                    Updates.setOnInsert("measure", reading.measure()),
                    Updates.setOnInsert("period", reading.period().toString()),
                    Updates.setOnInsert("periodKind", reading.period().kind().name()),
                    Updates.setOnInsert("periodStart", reading.period().start().toString()),
                    Updates.setOnInsert("periodEnd", reading.period().end().toString()),
                    Updates.push("revisions", revision(reading)));
            writes.add(new UpdateOneModel<>(notYetHeld, append, new UpdateOptions().upsert(true)));
        }
        List<Integer> collided = write(writes);
        if (collided.isEmpty()) {
            return new Stored(readings.size(), 0);
        }
        // A collision is a repeat, or a second reading of a period that a reading beside it in the same batch created:
        // tried again now that the period exists, only a repeat collides.
        List<Integer> repeats = write(collided.stream().map(writes::get).toList());
        return new Stored(readings.size() - repeats.size(), repeats.size());
    }

    /** Writes, and returns the positions of the writes that collided with an existing document. */
    private List<Integer> write(List<WriteModel<Document>> writes) {
        try {
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException partly) {
            List<Integer> collided = new ArrayList<>();
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
                collided.add(error.getIndex());
            }
            return collided;
        }
    }

    /** Each period's value as it stands: its revision produced last (received last, on a tie). */
    public List<Point> series(String measure) {
        return revisionsOf(measure).stream().map(period -> new Point(period.period(), period.current().value()))
                .toList();
    }

    /** Every period of a measure with its revisions, oldest period first. */
    public List<PeriodHistory> revisionsOf(String measure) {
        List<PeriodHistory> periods = new ArrayList<>();
        for (Document stored : mongo.getCollection(COLLECTION).find(Filters.eq("measure", measure))
                .sort(new Document("periodEnd", 1).append("periodStart", 1))) {
            ReportingPeriod period = ReportingPeriod.parse(stored.getString("period")).orElseThrow();
            List<Revision> revisions = stored.getList("revisions", Document.class).stream().map(r -> new Revision(
                    ((Decimal128) r.get("value")).bigDecimalValue(), r.getString("source"), r.getString("organisation"),
                    r.getString("eventId"), r.getDate("producedAt").toInstant(), r.getDate("receivedAt").toInstant()))
                    .sorted(Comparator.comparing(Revision::producedAt).thenComparing(Revision::receivedAt)).toList();
            periods.add(new PeriodHistory(period, revisions));
        }
        return periods;
    }

    /** The measures among {@code keys} that have figures, for judging after a batch. */
    public Set<String> measuresWithFigures(Collection<String> keys) {
        return new HashSet<>(mongo.findDistinct(query(where("measure").in(keys)), "measure", COLLECTION,
                String.class));
    }

    /** One revision of a period's figure. */
    public record Revision(BigDecimal value, String source, String organisation, String eventId, Instant producedAt,
                           Instant receivedAt) {
    }

    /** A period's revisions in the order they were produced; the last is the value. */
    public record PeriodHistory(ReportingPeriod period, List<Revision> revisions) {

        public Revision current() {
            return revisions.get(revisions.size() - 1);
        }
    }

    private static String id(String measure, ReportingPeriod period) {
        return measure + "|" + period;
    }

    private static Document revision(Reading reading) {
        return new Document("eventId", reading.eventId())
                .append("value", new Decimal128(reading.value()))
                .append("source", reading.source())
                .append("organisation", reading.organisation())
                .append("producedAt", Date.from(reading.producedAt()))
                .append("receivedAt", Date.from(reading.receivedAt()));
    }
}
