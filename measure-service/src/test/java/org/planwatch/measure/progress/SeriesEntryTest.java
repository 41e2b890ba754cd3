package org.planwatch.measure.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesEntryTest {

    static final Instant MAY = Instant.parse("2024-05-02T09:00:00Z");
    static final Instant APRIL = Instant.parse("2024-04-02T09:00:00Z");

    @Test
    void theRevisionProducedLastComparesGreatestWhateverArrivedLast() {
        String newer = SeriesEntry.of(new BigDecimal("120"), MAY, APRIL, "a");
        String olderArrivingLater = SeriesEntry.of(new BigDecimal("110"), APRIL, MAY.plusSeconds(86400), "z");

        assertThat(newer).isGreaterThan(olderArrivingLater);
        assertThat(SeriesEntry.value(newer)).isEqualByComparingTo("120");
    }

    @Test
    void onATieTheRevisionReceivedLastWins() {
        assertThat(SeriesEntry.of(BigDecimal.ONE, MAY, MAY.plusMillis(1), "a"))
                .isGreaterThan(SeriesEntry.of(BigDecimal.TEN, MAY, MAY, "b"));
    }

    @Test
    void aStoredSeriesReadsAsPointsInPeriodOrder() {
        var points = SeriesEntry.points(Map.of("2024-Q2", SeriesEntry.of(new BigDecimal("12.5"), MAY, MAY, "x|y"),
                "2024-Q1", SeriesEntry.of(new BigDecimal("-3"), APRIL, APRIL, "e")));

        assertThat(points).extracting(p -> p.period().toString()).containsExactly("2024-Q1", "2024-Q2");
        assertThat(points.get(1).value()).isEqualByComparingTo("12.5");
        assertThat(points.get(0).value()).isEqualByComparingTo("-3");
    }

    @Test
    void entriesCompareInTimeOrderWhateverTheNumberOfDigitsInTheirTimes() {
        String early = SeriesEntry.of(BigDecimal.ONE, Instant.ofEpochMilli(5), Instant.ofEpochMilli(5), "b");
        String later = SeriesEntry.of(BigDecimal.ONE, Instant.ofEpochMilli(40), Instant.ofEpochMilli(5), "a");

        assertThat(early).startsWith("000000000000005|000000000000005|b|");
        assertThat(later).isGreaterThan(early);
        assertThat(SeriesEntry.of(BigDecimal.ONE, MAY, APRIL, "e")).startsWith("00" + MAY.toEpochMilli() + "|");
    }
}
