package org.planwatch.measure.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planwatch.measure.definition.Baseline;
import org.planwatch.measure.definition.Direction;
import org.planwatch.measure.definition.Frequency;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.ReportingPeriod;
import org.planwatch.measure.definition.Target;
import org.planwatch.measure.definition.Unit;

class ProgressJudgeTest {

    static final Period GRACE = Period.ofDays(14);
    // 100 carers on 31 Dec 2023, 200 by 31 Dec 2024: the straight line gains 25 a quarter.
    static final MeasureDefinition SUPPORTED = measure(Direction.HIGHER_IS_BETTER, "100", "200");

    @Test
    void aMeasureAheadOfItsLineAndHeadingForItsTargetIsOnTrack() {
        Judgement judgement = judge(SUPPORTED, LocalDate.of(2024, 7, 10), "2024-Q1", "130", "2024-Q2", "155");

        assertThat(judgement.outlook()).isEqualTo(Outlook.ON_TRACK);
        assertThat(judgement.trend()).isEqualTo(Trend.IMPROVING);
        assertThat(judgement.latest().value()).isEqualByComparingTo("155");
        assertThat(judgement.expectedNow()).isEqualByComparingTo("149.73");
        assertThat(judgement.projected()).isGreaterThanOrEqualTo(new BigDecimal("200"));
        assertThat(judgement.reason()).startsWith("155 for 2024-Q2 is at or ahead of 149.73, where the straight line"
                + " from the baseline 100 on 2023-12-31 to the target 200 by 2024-12-31 stands then");
    }

    @Test
    void aMeasureBehindItsLineWhoseTrendStillReachesTheTargetIsAtRisk() {
        // A fast first quarter, then a slow second: just behind the line, but still heading for 200.
        Judgement judgement = judge(SUPPORTED, LocalDate.of(2024, 7, 10), "2024-Q1", "140", "2024-Q2", "148");

        assertThat(judgement.outlook()).isEqualTo(Outlook.AT_RISK);
        assertThat(judgement.reason()).contains("148 for 2024-Q2 is behind 149.73").contains("meeting the target");
    }

    @Test
    void aMeasureBehindItsLineAndFallingShortIsOffTrackAndSaysWhy() {
        Judgement judgement = judge(SUPPORTED, LocalDate.of(2024, 7, 10), "2024-Q1", "110", "2024-Q2", "115");

        assertThat(judgement.outlook()).isEqualTo(Outlook.OFF_TRACK);
        assertThat(judgement.projected()).isLessThan(new BigDecimal("200"));
        assertThat(judgement.reason()).contains("short of the target");
        assertThat(judgement.projection()).isEqualTo("least-squares line through the baseline and 2 figure(s)");
    }

    @Test
    void aMeasureWhereLowerIsBetterIsJudgedTheOtherWayUp() {
        // Carers in crisis: 50 down to 30.
        MeasureDefinition inCrisis = measure(Direction.LOWER_IS_BETTER, "50", "30");

        assertThat(judge(inCrisis, LocalDate.of(2024, 7, 10), "2024-Q1", "44", "2024-Q2", "39").outlook())
                .isEqualTo(Outlook.ON_TRACK);
        assertThat(judge(inCrisis, LocalDate.of(2024, 7, 10), "2024-Q1", "49", "2024-Q2", "50").outlook())
                .isEqualTo(Outlook.OFF_TRACK);
        assertThat(judge(inCrisis, LocalDate.of(2024, 7, 10), "2024-Q1", "39", "2024-Q2", "44").trend())
                .isEqualTo(Trend.WORSENING);
    }

    @Test
    void figuresArrivingOutOfOrderAreJudgedInPeriodOrder() {
        Judgement inOrder = judge(SUPPORTED, LocalDate.of(2024, 7, 10), "2024-Q1", "130", "2024-Q2", "155");
        Judgement lateFirstQuarter = judge(SUPPORTED, LocalDate.of(2024, 7, 10), "2024-Q2", "155", "2024-Q1", "130");

        assertThat(lateFirstQuarter).isEqualTo(inOrder);
    }

    @Test
    void onceTheTargetDateHasPassedTheLatestFigureAloneDecides() {
        assertThat(judge(SUPPORTED, LocalDate.of(2025, 1, 5), "2024-Q4", "201").outlook()).isEqualTo(Outlook.ON_TRACK);
        assertThat(judge(SUPPORTED, LocalDate.of(2025, 1, 5), "2024-Q4", "199").reason())
                .isEqualTo("missed the target: 199 for 2024-Q4 against 200 by 2024-12-31");
    }

    @Test
    void aMeasureWhosePartnerHasNotReportedWithinItsFrequencyAndGraceIsStale() {
        // Q1 ends 31 March; the next figure is due by 30 June, plus 14 days' grace.
        assertThat(judge(SUPPORTED, LocalDate.of(2024, 7, 14), "2024-Q1", "130").stale()).isFalse();
        assertThat(judge(SUPPORTED, LocalDate.of(2024, 7, 15), "2024-Q1", "130").stale()).isTrue();
    }

    @Test
    void aMeasureWithNoFiguresIsNotJudged() {
        Judgement judgement = ProgressJudge.judge(SUPPORTED, List.of(), LocalDate.of(2024, 2, 1), GRACE);

        assertThat(judgement.outlook()).isEqualTo(Outlook.NOT_JUDGED);
        assertThat(judgement.reason()).isEqualTo("no figures yet");
    }

    private static Judgement judge(MeasureDefinition measure, LocalDate today, String... periodsAndValues) {
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < periodsAndValues.length; i += 2) {
            points.add(new Point(ReportingPeriod.parse(periodsAndValues[i]).orElseThrow(),
                    new BigDecimal(periodsAndValues[i + 1])));
        }
        return ProgressJudge.judge(measure, points, today, GRACE);
    }

    private static MeasureDefinition measure(Direction direction, String baseline, String target) {
        return new MeasureDefinition("carers-supported", "Number of carers supported", Unit.COUNT, direction,
                new Baseline(new BigDecimal(baseline), LocalDate.of(2023, 12, 31)),
                List.of(new Target(new BigDecimal(target), LocalDate.of(2024, 12, 31))), Frequency.QUARTERLY,
                Set.of("PKAVS"), "Perth and Kinross", Set.of(), null);
    }
}
