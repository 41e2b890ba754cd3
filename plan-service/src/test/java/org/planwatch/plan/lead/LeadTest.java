package org.planwatch.plan.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.problem.InvalidFieldException;

class LeadTest {

    private final Lead manager = new Lead("l1", LeadKind.PERSON, "Sam Carter", "Service Manager Strategic Lead Carers",
            "Perth and Kinross HSCP", null, "sam@example.org", List.of("Carers Lead"));

    @Test
    void aPlansWordingForALeadFindsThePersonByRoleOrAlias() {
        assertThat(manager.answersTo("Lead Professional: Service Manager Strategic Lead Carers")).isTrue();
        assertThat(manager.answersTo("carers  lead")).isTrue();
        assertThat(manager.answersTo("Sam Carter")).isTrue();
        assertThat(manager.answersTo("Carers Centre Manager")).isFalse();
    }

    @Test
    void dashesOfEveryKindMeanTheSame() {
        Lead officer = new Lead("l2", LeadKind.PERSON, "Learning and Development Officer - Carers", null, null, null,
                "ld@example.org", List.of());

        assertThat(officer.answersTo("Learning and Development Officer – Carers")).isTrue();
    }

    @Test
    void aLeadNeedsAnEmailAddressThatLooksLikeOne() {
        assertThatThrownBy(() -> new Lead("l3", LeadKind.ORGANISATION, "NHS England", null, null, null, "not-an-email",
                List.of())).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("email");
    }
}
