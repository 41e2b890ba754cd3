/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft) as its own process, the MongoDB
 * stand-in (mongo-java-server with its H2 file backend), an SMTP server with a web inbox, and the four services.
 */
package org.planwatch.local;
