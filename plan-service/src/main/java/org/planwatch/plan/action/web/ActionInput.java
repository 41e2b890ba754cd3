package org.planwatch.plan.action.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.planwatch.plan.action.DueDate;
import org.planwatch.plan.action.MeasureRef;
import org.planwatch.plan.action.Rag;
import org.planwatch.plan.action.Review;
import org.planwatch.plan.action.ReviewCadence;
import org.planwatch.plan.problem.InvalidFieldException;

/** Reads the loosely typed parts of requests (dates, ratings, cadences) into domain values, naming bad fields. */
final class ActionInput {

    private ActionInput() {
    }

    static DueDate due(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return DueDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    static Rag rag(String field, String text) {
        if (text == null) {
            return null;
        }
        return Rag.parse(text).orElseThrow(() -> new InvalidFieldException(field, "'" + text
                + "' is not a rating; use one of " + Arrays.toString(Rag.values())));
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "'" + text + "' is not a real date in the form 2024-06-30");
        }
    }

    static Review review(String field, ReviewRequest request, DueDate due) {
        if (request == null) {
            return null;
        }
        ReviewCadence cadence = request.cadence() == null ? null : ReviewCadence.parse(request.cadence())
                .orElseThrow(() -> new InvalidFieldException(field + ".cadence", "'" + request.cadence()
                        + "' is not a cadence; use one of " + Arrays.toString(ReviewCadence.values())));
        LocalDate next = date(field + ".nextReview", request.nextReview());
        if (cadence == null && next == null) {
            throw new InvalidFieldException(field, "give a cadence, a nextReview date, or both");
        }
        if (next == null && due == null) {
            throw new InvalidFieldException(field + ".nextReview", "is required when the action has no due date");
        }
        return Review.from(cadence, next, due);
    }

    /** A review as requests give it: {"cadence": "QUARTERLY", "nextReview": "2024-03-31"}. */
    record ReviewRequest(String cadence, String nextReview) {

        @SuppressWarnings("unchecked")
        static ReviewRequest from(String field, Object value) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new InvalidFieldException(field, "must be an object with cadence and/or nextReview");
            }
            Map<String, Object> fields = (Map<String, Object>) map;
            for (String key : fields.keySet()) {
                if (!List.of("cadence", "nextReview").contains(key)) {
                    throw new InvalidFieldException(field + "." + key, "is not a field of a review");
                }
            }
            return new ReviewRequest(text(field + ".cadence", fields.get("cadence")),
                    text(field + ".nextReview", fields.get("nextReview")));
        }
    }

    static String text(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return s;
    }

    static List<String> texts(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidFieldException(field, "must be a list of strings");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String)) {
                throw new InvalidFieldException(field + "[" + i + "]", "must be a string");
            }
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** Measures as plain text ("Number of carers supported") or linked ({"text": ..., "measureId": ...}). */
    @SuppressWarnings("unchecked")
    static List<MeasureRef> measures(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidFieldException(field, "must be a list of texts or of {text, measureId} objects");
        }
        List<MeasureRef> measures = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String at = field + "[" + i + "]";
            if (item instanceof String text) {
                measures.add(withField(at, () -> MeasureRef.text(text)));
            } else if (item instanceof Map<?, ?> map) {
                Map<String, Object> fields = (Map<String, Object>) map;
                for (String key : fields.keySet()) {
                    if (!List.of("text", "measureId").contains(key)) {
                        throw new InvalidFieldException(at + "." + key, "is not a field of a measure");
                    }
                }
                measures.add(withField(at, () -> new MeasureRef(text(at + ".text", fields.get("text")),
                        text(at + ".measureId", fields.get("measureId")))));
            } else {
                throw new InvalidFieldException(at, "must be a text or a {text, measureId} object");
            }
        }
        return measures;
    }

    private static MeasureRef withField(String at, java.util.function.Supplier<MeasureRef> measure) {
        try {
            return measure.get();
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(at + e.field().substring("measures".length()), e.getMessage());
        }
    }

    static Long version(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.longValue() == n.doubleValue()) {
            return n.longValue();
        }
        throw new InvalidFieldException("version", "must be a whole number");
    }
}
