package org.planwatch.plan;

import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.FeatureBoundaries;

/**
 * plan-service's features, lowest first: problem and concurrency (shared by all), api (the HTTP kernel), lead,
 * actionplan, outbox, action, export. A feature uses those below it through their top-level package; those
 * below learn of it only through ports they define (PlanContents, LeadReferences) or events (PlanDeletion).
 */
class FeatureBoundariesTest {

    private final FeatureBoundaries features = FeatureBoundaries.of("org.planwatch.plan", "api", "problem",
            "concurrency");

    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        features.check(features.featuresDependOnEachOtherInOneDirection());
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesStoreWebOrMessaging() {
        features.check(features.featuresKeepTheirSubPackagesToThemselves());
    }

    @Test
    void theDomainIsPlainJava() {
        features.check(features.domainIsPlainJava());
    }
}
