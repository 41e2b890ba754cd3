/**
 * measure-service: owns measure definitions and the figures partner systems publish for them (over HTTP and Kafka),
 * judges from the figures whether each measure will meet its target, and announces changes on
 * {@code measure.status.events}.
 */
package org.planwatch.measure;
