package org.planwatch.measure.datapoint.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.planwatch.measure.datapoint.Submission;
import tools.jackson.databind.JsonNode;

/**
 * Reads the data points of a request item by item, so that one item of the wrong shape is refused on its own and
 * the rest of its batch is still taken in.
 */
final class DataPointRequests {

    static final Set<String> FIELDS = Set.of("measure", "period", "value", "source", "id", "producedAt");

    private DataPointRequests() {
    }

    /** One item; {@code measure} and {@code eventId} are used when the item does not give its own. */
    static Submission read(JsonNode item, String measure, String eventId) {
        if (item == null || !item.isObject()) {
            return Submission.unreadable(measure, eventId, "item", "must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        for (String name : item.propertyNames()) {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        String key = text(item.get("measure"), measure);
        String id = text(item.get("id"), eventId);
        if (!unknown.isEmpty()) {
            return Submission.unreadable(key, id, unknown.get(0), "is not a field of a data point; it has "
                    + FIELDS.stream().sorted().toList());
        }
        Instant producedAt = null;
        JsonNode produced = item.get("producedAt");
        if (produced != null && !produced.isNull()) {
            try {
                producedAt = Instant.parse(produced.asString());
            } catch (DateTimeException e) {
                return Submission.unreadable(key, id, "producedAt", "must be a UTC timestamp such as"
                        + " 2024-07-01T09:00:00Z");
            }
        }
        return new Submission(key, text(item.get("period"), null), value(item.get("value")),
                text(item.get("source"), null), id, producedAt);
    }

    private static String text(JsonNode node, String otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** The value as JSON gave it: a number, or the text or other value a partner sent by mistake. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.toString();
    }
}
