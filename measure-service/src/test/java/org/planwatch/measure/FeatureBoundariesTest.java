package org.planwatch.measure;

import org.planwatch.testsupport.FeatureBoundaries;

/**
 * measure-service's features, lowest first: api and config (shared by all), definition, rejection, datapoint,
 * progress. A feature uses those below it through their top-level package.
 */
class FeatureBoundariesTest extends FeatureBoundaries {

    FeatureBoundariesTest() {
        super(MeasureServiceApplication.class);
    }
}
