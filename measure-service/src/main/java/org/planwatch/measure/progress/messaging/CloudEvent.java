package org.planwatch.measure.progress.messaging;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Written as a record rather than with the CloudEvents SDK
 * because the SDK's JSON format module is built on Jackson 2, while the service runs on Jackson 3.
 */
record CloudEvent(String specversion, String id, String source, String type, String subject, String time,
                  String datacontenttype, String dataschema, Object data) {
}
