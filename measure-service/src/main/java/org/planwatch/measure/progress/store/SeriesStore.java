package org.planwatch.measure.progress.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.planwatch.measure.definition.ReportingPeriod;
import org.planwatch.measure.progress.Point;
import org.planwatch.measure.progress.SeriesEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Each measure's series as it stands, kept current as figures arrive so that judging never reads the figures'
 * history: one document per measure and year (MongoDB's bucket pattern), holding each period's entry (see
 * {@link SeriesEntry}). A batch is one bulk write with one {@code $max} upsert per measure and year: atomic per
 * period, in any order, any number of times, and small documents whatever the length of the history.
 */
@Repository
public class SeriesStore {

    static final String COLLECTION = "series";
    private final MongoTemplate mongo;

    SeriesStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("measure", Sort.Direction.ASC));
    }

    /** Merges entries (measure, period as written, entry) into the series. */
    public void merge(Map<String, Map<String, String>> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Update> buckets = new HashMap<>();
        entries.forEach((measure, periods) -> periods.forEach((period, entry) -> {
            int year = ReportingPeriod.parse(period).orElseThrow().end().getYear();
            buckets.computeIfAbsent(measure + "|" + year, id -> new Update().setOnInsert("measure", measure)
                    .setOnInsert("year", year)).max("periods." + period, entry);
        }));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        buckets.forEach((id, update) -> bulk.upsert(query(where("_id").is(id)), update));
        bulk.execute();
    }

    /** A measure's series, period by period. */
    public List<Point> points(String measure) {
        return points(List.of(measure)).getOrDefault(measure, List.of());
    }

    /** Several measures' series, read in one query. */
    public Map<String, List<Point>> points(Collection<String> measures) {
        Map<String, Map<String, String>> periods = new HashMap<>();
        for (Document bucket : mongo.getCollection(COLLECTION).find(Filters.in("measure", measures))) {
            Document stored = bucket.get("periods", Document.class);
            Map<String, String> ofMeasure = periods.computeIfAbsent(bucket.getString("measure"), m -> new HashMap<>());
            if (stored != null) {
                stored.forEach((period, entry) -> ofMeasure.put(period, (String) entry));
            }
        }
        Map<String, List<Point>> series = new HashMap<>();
        periods.forEach((measure, entries) -> series.put(measure, SeriesEntry.points(entries)));
        return series;
    }
}
