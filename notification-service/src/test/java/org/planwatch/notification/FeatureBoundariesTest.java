package org.planwatch.notification;

import org.planwatch.testsupport.FeatureBoundaries;

/**
 * notification-service's features, lowest first: api (shared by all), mail (queue, templates, sending),
 * preference, actionview, reminder, digest, trigger (plan events in, change emails out). A feature uses those below
 * it through their top-level package; mail learns of preferences only through the RecipientChoices port it defines.
 */
class FeatureBoundariesTest extends FeatureBoundaries {

    FeatureBoundariesTest() {
        super(NotificationServiceApplication.class);
    }
}
