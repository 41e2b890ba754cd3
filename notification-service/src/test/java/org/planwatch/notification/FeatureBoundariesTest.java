package org.planwatch.notification;

import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.FeatureBoundaries;

/**
 * notification-service's features, lowest first: problem (shared by all), api (the HTTP kernel), mail (queue,
 * templates, sending), preference, actionview, reminder, digest, trigger (plan events in, change emails out). A
 * feature uses those below it through their top-level package; mail learns of preferences only through the
 * RecipientChoices port it defines.
 */
class FeatureBoundariesTest {

    private final FeatureBoundaries features = FeatureBoundaries.of("org.planwatch.notification", "api", "problem");

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
