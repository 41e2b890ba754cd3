package org.planwatch.measure.datapoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planwatch.measure.datapoint.DataPointRules.Accepted;
import org.planwatch.measure.datapoint.DataPointRules.Refused;
import org.planwatch.measure.definition.Baseline;
import org.planwatch.measure.definition.Direction;
import org.planwatch.measure.definition.Frequency;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.Target;
import org.planwatch.measure.definition.Unit;

class DataPointRulesTest {

    static final LocalDate TODAY = LocalDate.of(2024, 8, 15);
    static final Instant NOW = Instant.parse("2024-08-15T10:00:00Z");

    static final MeasureDefinition FEEL_SUPPORTED = new MeasureDefinition("carers-feel-supported",
            "Percentage of carers who feel supported to continue in caring role", Unit.PERCENTAGE,
            Direction.HIGHER_IS_BETTER, new Baseline(new BigDecimal("40"), LocalDate.of(2023, 3, 31)),
            List.of(new Target(new BigDecimal("60"), LocalDate.of(2025, 3, 31))), Frequency.QUARTERLY,
            Set.of("PKAVS"), "Perth and Kinross", Set.of(), null);

    @Test
    void acceptsAFigureOfTheMeasuresFrequencyFromItsOwnPartner() {
        var verdict = check("2024-Q2", 52.5, "PKAVS");

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.reading().value()).isEqualByComparingTo("52.5");
            assertThat(accepted.reading().period()).hasToString("2024-Q2");
            assertThat(accepted.reading().organisation()).isEqualTo("PKAVS");
        });
    }

    @Test
    void refusesAPercentageOutsideZeroToAHundred() {
        assertThat(reason(check("2024-Q2", 101, "PKAVS"))).isEqualTo(
                new Rejection(0, "carers-feel-supported", "value", "101 must be between 0 and 100 for a percentage"));
        assertThat(reason(check("2024-Q2", -1, "PKAVS")).field()).isEqualTo("value");
    }

    @Test
    void refusesAValueThatIsNotANumber() {
        assertThat(reason(check("2024-Q2", "52", "PKAVS")).reason()).isEqualTo("must be a number, not the text \"52\"");
        assertThat(reason(check("2024-Q2", null, "PKAVS")).reason()).isEqualTo("is required");
        assertThat(reason(check("2024-Q2", true, "PKAVS")).field()).isEqualTo("value");
    }

    @Test
    void refusesAPeriodThatDoesNotFitTheFrequencyOrHasNotBegun() {
        assertThat(reason(check("2024-05", 50, "PKAVS")).reason())
                .isEqualTo("'2024-05' is a month, but this measure is reported quarterly (a quarter each)");
        assertThat(reason(check("2024-Q4", 50, "PKAVS")).reason()).isEqualTo("'2024-Q4' has not begun yet");
        assertThat(reason(check("last quarter", 50, "PKAVS")).field()).isEqualTo("period");
    }

    @Test
    void refusesAPartnerPublishingAnotherOrganisationsMeasure() {
        assertThat(reason(check("2024-Q2", 50, "Carers Centre")).reason())
                .isEqualTo("'Carers Centre' may not publish this measure; [PKAVS] may");
    }

    @Test
    void refusesAnUnknownMeasure() {
        var verdict = DataPointRules.check(3, new Submission("no-such-measure", "2024-Q2", 1, null, "e-1", null),
                Optional.empty(), "PKAVS", TODAY, NOW);

        assertThat(reason(verdict)).isEqualTo(new Rejection(3, "no-such-measure", "measure",
                "no measure has the key 'no-such-measure'"));
    }

    @Test
    void refusesACountThatIsNotWhole() {
        MeasureDefinition supported = new MeasureDefinition("carers-supported", "Number of carers supported",
                Unit.COUNT, Direction.HIGHER_IS_BETTER, new Baseline(BigDecimal.valueOf(1000), LocalDate.of(2023, 3, 31)),
                List.of(), Frequency.MONTHLY, Set.of("PKAVS"), "Perth and Kinross", Set.of(), null);

        var verdict = DataPointRules.check(0, new Submission("carers-supported", "2024-07", 12.5, null, "e-1", null),
                Optional.of(supported), "PKAVS", TODAY, NOW);

        assertThat(reason(verdict).reason()).isEqualTo("12.5 must be a whole number for a count");
    }

    private static DataPointRules.Verdict check(String period, Object value, String organisation) {
        return DataPointRules.check(0, new Submission("carers-feel-supported", period, value, "survey", "e-1", null),
                Optional.of(FEEL_SUPPORTED), organisation, TODAY, NOW);
    }

    private static Rejection reason(DataPointRules.Verdict verdict) {
        assertThat(verdict).isInstanceOf(Refused.class);
        return ((Refused) verdict).rejection();
    }
}
