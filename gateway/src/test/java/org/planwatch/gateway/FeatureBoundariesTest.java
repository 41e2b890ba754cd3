package org.planwatch.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The gateway's parts (access, instances, bodylimit, ratelimit, tracing, fallback, apidocs, console) use each other
 * in one direction only and through their top-level package. Unlike the services it has no domain of its own, so
 * the plain-Java rule of {@code FeatureBoundaries} does not apply: its records are the services' answers and the
 * console's pages.
 */
class FeatureBoundariesTest {

    @Test
    void partsUseEachOtherOnlyThroughTheirTopLevelPackageAndNeverInACircle() {
        ApplicationModules.of(GatewayApplication.class).verify();
    }
}
