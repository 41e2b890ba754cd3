package org.planwatch.measure.progress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.planwatch.measure.progress.Point;
import org.planwatch.measure.progress.SeriesEntry;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A measure's series is taken in as deltas and folded into year buckets by judging: however the folding goes (twice,
 * interrupted, on two replicas at once, while figures keep arriving), the series reads the same and loses nothing.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeriesFoldingIT {

    static final Instant MAY = Instant.parse("2024-05-02T09:00:00Z");

    @Autowired
    SeriesStore series;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSeriesReadsTheSameBeforeAndAfterItsDeltasAreFoldedAndTheCorrectionProducedLastWins() {
        String measure = "carers-supported-" + UUID.randomUUID();
        series.merge(Map.of(measure, Map.of("2023-12-31", entry(10, 0), "2024-01-01", entry(11, 0))));
        series.merge(Map.of(measure, Map.of("2024-01-01", entry(12, 60))));
        // A correction produced before the one already taken in arrives late: it does not replace it.
        series.merge(Map.of(measure, Map.of("2024-01-01", entry(99, 30), "2024-01-02", entry(13, 0))));
        List<Point> unfolded = series.points(measure);

        series.fold(List.of(measure));
        assertThat(deltas(measure)).as("fewer deltas than a fold waits for").isEqualTo(3);
        series.merge(Map.of(measure, Map.of("2024-01-03", entry(14, 0))));
        List<Point> withFourth = series.points(measure);
        series.fold(List.of(measure));

        assertThat(deltas(measure)).isZero();
        assertThat(series.points(measure)).isEqualTo(withFourth);
        assertThat(withFourth).containsAll(unfolded).hasSize(4);
        assertThat(values(series.points(measure))).containsExactly("10", "12", "13", "14");
        assertThat(mongo.getCollection(SeriesStore.BUCKETS).countDocuments(new Document("measure", measure)))
                .as("one bucket a year").isEqualTo(2);
    }

    @Test
    void aFoldRepeatedAfterACrashBeforeItsDeltasWereDeletedChangesNothing() {
        String measure = "carers-supported-" + UUID.randomUUID();
        List<Map<String, String>> batches = IntStream.range(0, SeriesStore.FOLD_AT)
                .mapToObj(day -> Map.of("2024-02-0" + (day + 1), entry(day, 0))).toList();
        batches.forEach(batch -> series.merge(Map.of(measure, batch)));
        series.fold(List.of(measure));
        List<Point> folded = series.points(measure);

        // The same deltas again, as if the crash came after the buckets were written and before the deltas went.
        batches.forEach(batch -> series.merge(Map.of(measure, batch)));
        assertThat(series.points(measure)).isEqualTo(folded);
        series.fold(List.of(measure));

        assertThat(series.points(measure)).isEqualTo(folded);
        assertThat(deltas(measure)).isZero();
    }

    @Test
    void aBucketWrittenBeforeDeltasExistedIsFoldedIntoLikeAnyOther() {
        String measure = "carers-supported-" + UUID.randomUUID();
        mongo.getCollection(SeriesStore.BUCKETS).insertOne(new Document("_id", measure + "|2024")
                .append("measure", measure).append("year", 2024)
                .append("periods", new Document("2024-03-01", entry(5, 0)).append("2024-03-02", entry(6, 0))));
        IntStream.range(0, SeriesStore.FOLD_AT).forEach(day -> series.merge(Map.of(measure,
                Map.of("2024-03-0" + (day + 2), entry(10 + day, 1)))));

        series.fold(List.of(measure));

        assertThat(deltas(measure)).isZero();
        assertThat(values(series.points(measure))).containsExactly("5", "10", "11", "12", "13");
    }

    @Test
    void replicasFoldingWhileFiguresKeepArrivingLoseNoEntry() throws Exception {
        String measure = "carers-supported-" + UUID.randomUUID();
        Map<String, String> expected = new HashMap<>();
        AtomicBoolean arriving = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<?>> folding = IntStream.range(0, 4).mapToObj(r -> replicas.submit(() -> {
            while (arriving.get()) {
                series.fold(List.of(measure));
            }
        })).collect(Collectors.toList());
        for (int batch = 0; batch < 300; batch++) {
            Map<String, String> entries = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                // A day of its own for each figure, over three years: an entry lost by one fold is not hidden by a
                // later revision.
                String period = LocalDate.of(2023, 1, 1).plusDays(batch * 3L + i).toString();
                entries.put(period, entry(batch * 3 + i, batch));
                expected.merge(period, entries.get(period), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            series.merge(Map.of(measure, entries));
        }
        arriving.set(false);
        for (Future<?> replica : folding) {
            replica.get();
        }
        replicas.shutdown();

        assertThat(series.points(measure)).isEqualTo(SeriesEntry.points(expected));
        series.fold(List.of(measure));
        assertThat(series.points(measure)).isEqualTo(SeriesEntry.points(expected));
        assertThat(deltas(measure)).isLessThan(SeriesStore.FOLD_AT);
    }

    private long deltas(String measure) {
        return mongo.getCollection(SeriesStore.DELTAS).countDocuments(new Document("measure", measure));
    }

    private static String entry(int value, int minutesAfterMay) {
        Instant producedAt = MAY.plusSeconds(60L * minutesAfterMay);
        return SeriesEntry.of(BigDecimal.valueOf(value), producedAt, producedAt, UUID.randomUUID().toString());
    }

    private static List<String> values(List<Point> points) {
        return points.stream().map(p -> p.value().toPlainString()).toList();
    }
}
