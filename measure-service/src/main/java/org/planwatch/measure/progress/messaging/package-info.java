/** measure.status.events: news of a measure's changed outlook or staleness. */
package org.planwatch.measure.progress.messaging;
