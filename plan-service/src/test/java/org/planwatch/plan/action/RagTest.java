package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RagTest {

    @ParameterizedTest(name = "{0} to {1}: downgrade {2}")
    @CsvSource({
            "GREEN, AMBER, true", "AMBER, RED, true", "GREEN, RED, true",
            "RED, AMBER, false", "AMBER, GREEN, false", "GREEN, GREEN, false",
            "COMPLETE, RED, false", "GREEN, COMPLETE, false", "NOT_STARTED, RED, false", "RED, NOT_STARTED, false"
    })
    void onlyALowerProgressRatingIsADowngrade(Rag from, Rag to, boolean downgrade) {
        assertThat(from.isDowngradeTo(to)).isEqualTo(downgrade);
    }

    @ParameterizedTest
    @CsvSource({"Red, RED", "amber, AMBER", "G, GREEN", "Blue, COMPLETE", "Not started, NOT_STARTED", "complete, COMPLETE"})
    void theSpellingsPlansUseAreUnderstood(String written, Rag rag) {
        assertThat(Rag.parse(written)).contains(rag);
    }

    @ParameterizedTest
    @CsvSource({"Purple", "''"})
    void anythingElseIsNotARating(String written) {
        assertThat(Rag.parse(written)).isEmpty();
    }
}
