package org.planwatch.plan;

import org.planwatch.testsupport.FeatureBoundaries;

/**
 * plan-service's features, lowest first: concurrency and api (shared by all), lead, actionplan, outbox, action,
 * export. A feature uses those below it through their top-level package; those below learn of it only through
 * ports they define (PlanContents, LeadReferences) or events (PlanDeletion).
 */
class FeatureBoundariesTest extends FeatureBoundaries {

    FeatureBoundariesTest() {
        super(PlanServiceApplication.class);
    }
}
