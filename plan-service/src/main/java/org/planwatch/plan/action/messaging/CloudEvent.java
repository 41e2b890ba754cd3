package org.planwatch.plan.action.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, with the Distributed Tracing extension's {@code traceparent}
 * when a request caused the event. Written as a record rather than with the CloudEvents SDK because the SDK's JSON
 * format module is built on Jackson 2, while the service runs on Jackson 3.
 */
record CloudEvent(String specversion, String id, String source, String type, String subject, String time,
                  String datacontenttype, String dataschema, @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
                  Object data) {
}
