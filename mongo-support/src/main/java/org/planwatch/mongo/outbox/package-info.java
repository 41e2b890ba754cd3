/**
 * The transactional outbox: events wait inside the document whose change they describe, written in the same
 * single-document update, and a relay publishes them to Kafka and only then removes them.
 */
package org.planwatch.mongo.outbox;
