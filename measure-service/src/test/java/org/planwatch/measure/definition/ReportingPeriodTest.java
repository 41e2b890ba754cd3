package org.planwatch.measure.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    @Test
    void readsMonthsQuartersYearsAndDatesAsPartnersWriteThem() {
        assertThat(ReportingPeriod.parse("2024-03")).hasValue(new ReportingPeriod(PeriodKind.MONTH,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
        assertThat(ReportingPeriod.parse("2024-q2")).hasValue(new ReportingPeriod(PeriodKind.QUARTER,
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)));
        assertThat(ReportingPeriod.parse("2024")).hasValue(new ReportingPeriod(PeriodKind.YEAR,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThat(ReportingPeriod.parse(" 2024-02-29 ")).hasValue(new ReportingPeriod(PeriodKind.DATE,
                LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void writesEachPeriodOneWaySoTheSamePeriodIsOneDataPoint() {
        assertThat(ReportingPeriod.parse("2024Q2").orElseThrow()).hasToString("2024-Q2");
        assertThat(ReportingPeriod.parse("2024-q2").orElseThrow()).hasToString("2024-Q2");
        assertThat(ReportingPeriod.parse("2024-03").orElseThrow()).hasToString("2024-03");
    }

    @Test
    void namesNoPeriodForWhatIsNotOne() {
        assertThat(ReportingPeriod.parse("2024-13")).isEmpty();
        assertThat(ReportingPeriod.parse("2023-02-29")).isEmpty();
        assertThat(ReportingPeriod.parse("Q5 2024")).isEmpty();
        assertThat(ReportingPeriod.parse("March 2024")).isEmpty();
        assertThat(ReportingPeriod.parse(null)).isEmpty();
    }

    @Test
    void sortsByTheDayAPeriodEnds() {
        ReportingPeriod march = ReportingPeriod.parse("2024-03").orElseThrow();
        ReportingPeriod firstQuarter = ReportingPeriod.parse("2024-Q1").orElseThrow();
        ReportingPeriod april = ReportingPeriod.parse("2024-04").orElseThrow();

        assertThat(march).isLessThan(april);
        assertThat(firstQuarter.end()).isEqualTo(march.end());
        assertThat(april.compareTo(firstQuarter)).isPositive();
    }
}
