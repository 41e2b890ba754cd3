package org.planwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.EventContracts;

/** The events this service is tested with are events plan-service may really publish (its schema, v1). */
class PlanActionEventContractTest {

    static final Path SCHEMA = EventContracts.schemaOf("plan-service", "plan-action-event.v1.schema.json");

    @Test
    void theDueDateChangedExampleKeepsTheProducersContract() {
        String event = PlanActionEventFixtures.dueDateChanged("e-1", "a-1", 2, "lead@example.org", "2022-06-30",
                "2022-09-15");

        assertThat(EventContracts.violations(SCHEMA, event)).isEmpty();
    }

    @Test
    void theContextChangedExampleKeepsTheProducersContract() {
        String event = PlanActionEventFixtures.contextChanged("e-3", "a-1", 3, "lead@example.org", "2027-06-30",
                "Carers Strategy Action Plan 2026-2029");

        assertThat(EventContracts.violations(SCHEMA, event)).isEmpty();
        assertThat(event).contains("\"previous\":null}}").contains("context-changed.v1").contains("2026-2029");
    }

    @Test
    void theRagChangedExampleKeepsTheProducersContract() {
        String event = PlanActionEventFixtures.ragChanged("e-2", "a-1", 3, "lead@example.org", "owner@example.org",
                "AMBER", "RED", true);

        assertThat(EventContracts.violations(SCHEMA, event)).isEmpty();
    }
}
