package org.planwatch.measure.datapoint.messaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Set;
import org.planwatch.measure.datapoint.Submission;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one record of {@code measure.datapoints}: a CloudEvents 1.0 JSON envelope of type
 * {@value #TYPE} whose {@code data} is the figure (see {@code contracts/measure-datapoint-event.v1.schema.json}).
 * The publishing organisation travels in the {@code organisation} extension attribute.
 */
final class DataPointEvents {

    static final String TYPE = "org.planwatch.measure.datapoint.v1";
    private static final Set<String> DATA_FIELDS = Set.of("measure", "period", "value", "source");

    private DataPointEvents() {
    }

    /** A figure, and who published it. */
    record Published(String organisation, Submission submission) {
    }

    static Published read(JsonMapper json, byte[] payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException notJson) {
            return new Published(null, Submission.unreadable(null, null, "event", "is not JSON: "
                    + notJson.getOriginalMessage()));
        }
        if (event == null || !event.isObject()) {
            return new Published(null, Submission.unreadable(null, null, "event", "must be a JSON object"));
        }
        String id = text(event, "id");
        String organisation = text(event, "organisation");
        JsonNode data = event.get("data");
        String measure = data != null && data.isObject() ? text(data, "measure") : null;
        if (!"1.0".equals(text(event, "specversion"))) {
            return unreadable(organisation, measure, id, "specversion", "must be \"1.0\" (CloudEvents 1.0)");
        }
        if (id == null || id.isBlank()) {
            return unreadable(organisation, measure, id, "id", "is required; it makes a repeated event harmless");
        }
        if (!TYPE.equals(text(event, "type"))) {
            return unreadable(organisation, measure, id, "type", "must be \"" + TYPE + "\"");
        }
        if (organisation == null || organisation.isBlank()) {
            return unreadable(organisation, measure, id, "organisation", "is required: the publishing organisation");
        }
        if (data == null || !data.isObject()) {
            return unreadable(organisation, measure, id, "data", "must be the figure, a JSON object");
        }
        for (String name : data.propertyNames()) {
            if (!DATA_FIELDS.contains(name)) {
                return unreadable(organisation, measure, id, "data." + name, "is not a field of a data point; it has "
                        + DATA_FIELDS.stream().sorted().toList());
            }
        }
        Instant producedAt = null;
        String time = text(event, "time");
        if (time != null) {
            try {
                producedAt = Instant.parse(time);
            } catch (DateTimeException e) {
                return unreadable(organisation, measure, id, "time", "must be an RFC 3339 timestamp in UTC");
            }
        }
        JsonNode value = data.get("value");
        Object raw = value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue()
                : value.isString() ? value.asString() : value.isBoolean() ? (Object) value.asBoolean() : value.toString();
        return new Published(organisation, new Submission(measure, text(data, "period"), raw, text(data, "source"), id,
                producedAt));
    }

    private static Published unreadable(String organisation, String measure, String id, String field, String reason) {
        return new Published(organisation, Submission.unreadable(measure, id, field, reason));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }
}
