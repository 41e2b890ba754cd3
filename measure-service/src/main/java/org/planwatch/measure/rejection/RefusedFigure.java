package org.planwatch.measure.rejection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A refused figure kept whole, so that an administrator can have it taken in again once its cause is put right (the
 * measure defined, the partner allowed to publish it, the frequency corrected). The value is kept as text with the
 * JSON type it came as, so a number stays a number and a partner's text stays text when it is tried again.
 */
public record RefusedFigure(String measure, String period, String value, ValueType valueType, String source,
                            String eventId, Instant producedAt) {

    public enum ValueType { NONE, NUMBER, TEXT, BOOLEAN }

    /** The figure as sent, or none where its value cannot be kept faithfully (a JSON object or list). */
    public static RefusedFigure of(String measure, String period, Object value, String source, String eventId,
                                   Instant producedAt) {
        ValueType type = value == null ? ValueType.NONE : value instanceof Number ? ValueType.NUMBER
                : value instanceof Boolean ? ValueType.BOOLEAN : value instanceof String ? ValueType.TEXT : null;
        if (type == null) {
            return null;
        }
        String text = value instanceof Number number ? new BigDecimal(number.toString()).toString()
                : Objects.toString(value, null);
        return new RefusedFigure(measure, period, text, type, source, eventId, producedAt);
    }

    /** The value as the partner sent it: a number, text, true or false, or nothing. */
    public Object valueAsSent() {
        return switch (valueType) {
            case NONE -> null;
            case NUMBER -> new BigDecimal(value);
            case BOOLEAN -> Boolean.valueOf(value);
            case TEXT -> value;
        };
    }
}
