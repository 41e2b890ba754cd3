package org.planwatch.measure.progress.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.planwatch.measure.definition.ReportingPeriod;
import org.planwatch.measure.progress.Point;
import org.planwatch.measure.progress.SeriesEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * Each measure's series as it stands, kept at hand so that judging never reads the figures' history: each period's
 * greatest entry (see {@link SeriesEntry}), in one document per measure and year (MongoDB's bucket pattern).
 *
 * <p>Written append-only. A batch of figures adds one small <em>delta</em> per measure, its new entries, and never
 * rewrites a bucket: taking figures in costs inserts only, however long the history. Judging, which reads the whole
 * series anyway, folds a measure's deltas into its buckets once a few have gathered. Merging keeps the greater entry
 * per period, so a series reads the same whether its deltas are folded or not, and folding is harmless to repeat: a
 * crash between writing the buckets and deleting the deltas, a batch delivered twice, or two replicas folding at once
 * (each bucket is replaced only at the version it was read at) change nothing.
 */
@Repository
public class SeriesStore {

    private static final Logger log = LoggerFactory.getLogger(SeriesStore.class);
    static final String BUCKETS = "series";
    static final String DELTAS = "series-deltas";
    /** A measure's deltas are folded once judging finds this many: judging then reads a handful of small documents. */
    static final int FOLD_AT = 4;
    private static final int ATTEMPTS = 5;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> deltas;

    SeriesStore(MongoTemplate mongo) {
        mongo.indexOps(BUCKETS).createIndex(new Index().on("measure", Sort.Direction.ASC));
        // A fold replaces a bucket found by id and version. MongoDB finds it by the _id index alone; this one is for
        // stores that use an index only when its keys are exactly the query's (mongo-java-server, the local stand-in,
        // scanned every bucket for each fold's write without it).
        mongo.indexOps(BUCKETS).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique());
        mongo.indexOps(DELTAS).createIndex(new Index().on("measure", Sort.Direction.ASC));
        this.buckets = mongo.getCollection(BUCKETS);
        this.deltas = mongo.getCollection(DELTAS);
    }

    /** Adds entries (measure, period as written, entry) to the series: one insert of one delta per measure. */
    public void merge(Map<String, Map<String, String>> entries) {
        List<Document> added = new ArrayList<>(entries.size());
        entries.forEach((measure, periods) -> {
            if (!periods.isEmpty()) {
                added.add(new Document("measure", measure).append("periods", new Document(periods)));
            }
        });
        if (!added.isEmpty()) {
            deltas.insertMany(added);
        }
    }

    /** A measure's series, period by period. */
    public List<Point> points(String measure) {
        return points(List.of(measure)).getOrDefault(measure, List.of());
    }

    /** Several measures' series, read in two queries. */
    public Map<String, List<Point>> points(Collection<String> measures) {
        Map<String, Map<String, String>> periods = new HashMap<>();
        for (Document bucket : buckets.find(in("measure", measures))) {
            mergeInto(periods.computeIfAbsent(bucket.getString("measure"), m -> new HashMap<>()), bucket);
        }
        for (Document delta : deltas.find(in("measure", measures))) {
            mergeInto(periods.computeIfAbsent(delta.getString("measure"), m -> new HashMap<>()), delta);
        }
        Map<String, List<Point>> series = new HashMap<>();
        periods.forEach((measure, entries) -> series.put(measure, SeriesEntry.points(entries)));
        return series;
    }

    /**
     * Folds each measure's deltas into its buckets once there are {@value #FOLD_AT} or more; deletes them only once
     * every bucket they touch holds them. The deltas of all the measures are read in one query.
     */
    public void fold(Collection<String> measures) {
        Map<String, List<Document>> gathered = new HashMap<>();
        for (Document delta : deltas.find(in("measure", measures))) {
            gathered.computeIfAbsent(delta.getString("measure"), m -> new ArrayList<>()).add(delta);
        }
        gathered.forEach((measure, ofMeasure) -> {
            if (ofMeasure.size() >= FOLD_AT) {
                fold(measure, ofMeasure);
            }
        });
    }

    private void fold(String measure, List<Document> gathered) {
        Map<Integer, Map<String, String>> byYear = new HashMap<>();
        for (Document delta : gathered) {
            delta.get("periods", Document.class).forEach((period, entry) -> ReportingPeriod.parse(period).ifPresent(
                    p -> byYear.computeIfAbsent(p.end().getYear(), y -> new HashMap<>()).merge(period, (String) entry,
                            SeriesStore::greater)));
        }
        for (Map.Entry<Integer, Map<String, String>> year : byYear.entrySet()) {
            if (!foldInto(measure, year.getKey(), year.getValue())) {
                log.info("The series of {} for {} kept changing while it was folded; its deltas are kept and folded"
                        + " at its next judgement", measure, year.getKey());
                return;
            }
        }
        deltas.deleteMany(in("_id", gathered.stream().map(d -> d.get("_id")).toList()));
    }

    private boolean foldInto(String measure, int year, Map<String, String> entries) {
        String id = measure + "|" + year;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document bucket = buckets.find(eq("_id", id)).first();
            Map<String, String> merged = new HashMap<>();
            if (bucket != null) {
                mergeInto(merged, bucket);
            }
            Map<String, String> before = Map.copyOf(merged);
            entries.forEach((period, entry) -> merged.merge(period, entry, SeriesStore::greater));
            if (merged.equals(before)) {
                return true;
            }
            Object version = bucket == null ? null : bucket.get("version"); // none in buckets written before deltas
            Document folded = new Document("_id", id).append("measure", measure).append("year", year)
                    .append("version", version == null ? 1L : ((Number) version).longValue() + 1)
                    .append("periods", new Document(merged));
            if (bucket == null) {
                try {
                    buckets.insertOne(folded);
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            } else if (buckets.replaceOne(and(eq("_id", id), eq("version", version)), folded)
                    .getMatchedCount() == 1) {
                return true;
            }
        }
        return false;
    }

    private static void mergeInto(Map<String, String> series, Document stored) {
        Document periods = stored.get("periods", Document.class);
        if (periods != null) {
            periods.forEach((period, entry) -> series.merge(period, (String) entry, SeriesStore::greater));
        }
    }

    private static String greater(String one, String other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}
