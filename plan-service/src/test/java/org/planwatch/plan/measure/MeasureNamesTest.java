package org.planwatch.plan.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's words for a measure, matched to the measures defined, as partnerships write them. */
class MeasureNamesTest {

    static final List<KnownMeasure> KNOWN = List.of(
            measure("carer-positive", "Number of local businesses awarded Carer Positive accreditation"),
            measure("carers-supported", "Number of carers supported by PKAVS and Perth and Kinross HSCP"),
            measure("feel-supported", "Percentage of carers who feel supported to continue in caring role"),
            measure("young-carers", "Number of young carers identified in schools"));

    static KnownMeasure measure(String key, String name) {
        return new KnownMeasure(key, name, "Perth and Kinross", Instant.EPOCH);
    }

    @Test
    void theSameWordsIgnoringCaseQuotesAndPunctuationAreTheSameName() {
        var match = MeasureNames.bestFor("Number of carers supported by PKAVS and Perth and Kinross HSCP.", KNOWN);

        assertThat(match).get().extracting(m -> m.measure().key(), MeasureNames.Match::kind)
                .containsExactly("carers-supported", MeasureNames.Match.Kind.SAME_NAME);
        assertThat(MeasureNames.bestFor("PERCENTAGE of carers who feel ‘supported’ to continue in caring role", KNOWN))
                .get().extracting(MeasureNames.Match::kind).isEqualTo(MeasureNames.Match.Kind.SAME_NAME);
    }

    @Test
    void mostOfTheSameWordsAreASimilarNameToPropose() {
        var match = MeasureNames.bestFor("Number of local businesses who have been awarded a 'Carer Positive'"
                + " accreditation.", KNOWN);

        assertThat(match).get().extracting(m -> m.measure().key(), MeasureNames.Match::kind)
                .containsExactly("carer-positive", MeasureNames.Match.Kind.SIMILAR_NAME);
    }

    @Test
    void wordsThatShareOnlyTheCommonOnesNameNoMeasure() {
        assertThat(MeasureNames.bestFor("Number of professionals completing training.", KNOWN)).isEmpty();
        assertThat(MeasureNames.bestFor("Number of carers identified", KNOWN)).isEmpty();
        assertThat(MeasureNames.bestFor("", KNOWN)).isEmpty();
    }
}
