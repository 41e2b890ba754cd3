package org.planwatch.measure.datapoint.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.planwatch.measure.datapoint.Reading;
import org.planwatch.measure.definition.ReportingPeriod;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * Figures in MongoDB as immutable revisions, one document each, its id the measure and the event id. A batch is one
 * unordered bulk insert: a repeat collides with the revision already held and is counted, not stored; a correction
 * is simply another revision of the same period. Nothing is ever updated in place, so redelivered and concurrent
 * batches need no lock, and taking figures in runs at the store's insert rate. A period's value is its revision
 * produced last (received last, on a tie); the measure keeps it at hand in its series for judging.
 */
@Repository
public class DataPointStore {

    static final String COLLECTION = "revisions";
    private static final int DUPLICATE_KEY = 11000;
    private final MongoTemplate mongo;

    DataPointStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("measure", Sort.Direction.ASC)
                .on("periodEnd", Sort.Direction.ASC).on("periodStart", Sort.Direction.ASC)
                .on("producedAt", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC));
    }

    /**
     * What a batch did: the readings newly stored (a first figure or a correction), and each repeat as the store
     * already held it, with the times it was first received.
     */
    public record Stored(List<Reading> added, List<Reading> held) {
    }

    public Stored store(List<Reading> readings) {
        if (readings.isEmpty()) {
            return new Stored(List.of(), List.of());
        }
        List<Document> revisions = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            revisions.add(revision(reading));
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(revisions, new InsertManyOptions().ordered(false));
            return new Stored(readings, List.of());
        } catch (MongoBulkWriteException partly) {
            Set<Integer> repeats = new HashSet<>();
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
                repeats.add(error.getIndex());
            }
            List<Reading> added = new ArrayList<>();
            List<Object> repeatedIds = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                if (repeats.contains(i)) {
                    repeatedIds.add(revisions.get(i).get("_id"));
                } else {
                    added.add(readings.get(i));
                }
            }
            List<Reading> held = new ArrayList<>();
            for (Document stored : mongo.getCollection(COLLECTION).find(Filters.in("_id", repeatedIds))) {
                held.add(new Reading(stored.getString("measure"),
                        ReportingPeriod.parse(stored.getString("period")).orElseThrow(),
                        ((Decimal128) stored.get("value")).bigDecimalValue(), stored.getString("source"),
                        stored.getString("organisation"), stored.getString("eventId"),
                        stored.getDate("producedAt").toInstant(), stored.getDate("receivedAt").toInstant()));
            }
            return new Stored(added, held);
        }
    }

    /** Every period of a measure with its revisions in the order they were produced, oldest period first. */
    public List<PeriodHistory> revisionsOf(String measure) {
        return revisionsOf(List.of(measure)).getOrDefault(measure, List.of());
    }

    /**
     * The same for several measures, read in one query. Sorted here rather than by the server: a sort there would
     * need the whole result in the server's memory at once.
     */
    public Map<String, List<PeriodHistory>> revisionsOf(Collection<String> measures) {
        Map<String, Map<String, List<Revision>>> grouped = new HashMap<>();
        Map<String, ReportingPeriod> periods = new HashMap<>();
        for (Document stored : mongo.getCollection(COLLECTION).find(Filters.in("measure", measures))) {
            String period = stored.getString("period");
            periods.computeIfAbsent(period, p -> ReportingPeriod.parse(p).orElseThrow());
            grouped.computeIfAbsent(stored.getString("measure"), m -> new HashMap<>())
                    .computeIfAbsent(period, p -> new ArrayList<>())
                    .add(new Revision(((Decimal128) stored.get("value")).bigDecimalValue(), stored.getString("source"),
                            stored.getString("organisation"), stored.getString("eventId"),
                            stored.getDate("producedAt").toInstant(), stored.getDate("receivedAt").toInstant()));
        }
        Map<String, List<PeriodHistory>> byMeasure = new HashMap<>();
        grouped.forEach((measure, byPeriod) -> byMeasure.put(measure, byPeriod.entrySet().stream()
                .map(e -> new PeriodHistory(periods.get(e.getKey()), e.getValue().stream()
                        .sorted(Comparator.comparing(Revision::producedAt).thenComparing(Revision::receivedAt))
                        .toList()))
                .sorted(Comparator.comparing(PeriodHistory::period)).toList()));
        return byMeasure;
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

    private static Document revision(Reading reading) {
        return new Document("_id", reading.measure() + "|" + reading.eventId())
                .append("measure", reading.measure())
                .append("period", reading.period().toString())
                .append("periodStart", reading.period().start().toString())
                .append("periodEnd", reading.period().end().toString())
                .append("value", new Decimal128(reading.value()))
                .append("source", reading.source())
                .append("organisation", reading.organisation())
                .append("eventId", reading.eventId())
                .append("producedAt", Date.from(reading.producedAt()))
                .append("receivedAt", Date.from(reading.receivedAt()));
    }
}
