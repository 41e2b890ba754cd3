package org.planwatch.plan.action.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.DueDate;
import org.planwatch.plan.action.MeasureRef;
import org.planwatch.plan.action.Rag;
import org.planwatch.plan.action.Review;
import org.planwatch.plan.action.ReviewCadence;
import org.planwatch.problem.InvalidFieldException;

/**
 * The bodies the actions API accepts. Jackson refuses unknown fields and values of the wrong type by name, Bean
 * Validation checks lengths and shapes (every invalid field reported at once), and the domain then checks its
 * own rules; the words people write (dates, ratings, cadences) are read into domain values here.
 */
final class ActionRequests {

    private static final int MAX_WORDS = 100;

    private ActionRequests() {
    }

    /** A new action; leads are ids, names or aliases from the directory. */
    record NewAction(
            @NotBlank String planId,
            @Size(max = MAX_WORDS) String themeId,
            @Size(max = MAX_WORDS) String outcomeId,
            @Size(max = Action.MAX_REFERENCE) String reference,
            @NotBlank @Size(max = Action.MAX_TEXT) String text,
            @Size(max = Action.MAX_LIST_ITEMS) List<@Size(max = Action.MAX_ITEM) String> leads,
            @Size(max = MAX_WORDS) String due,
            @Valid ReviewRequest review,
            @Size(max = Action.MAX_LIST_ITEMS) List<@Valid @NotNull MeasureRequest> measures,
            @Size(max = Action.MAX_TEXT) String status,
            @Size(max = MAX_WORDS) String rag,
            @Size(max = Action.MAX_LIST_ITEMS) List<@Size(max = Action.MAX_ITEM) String> deliversOutcomes,
            @Size(max = Action.MAX_TEXT) String reason) {
    }

    /**
     * A partial change, read as a JSON Merge Patch (RFC 7396): a field left out stays as it is, and for the two
     * parts an action can be without, {@code "due": null} and {@code "review": null} remove them. A class, not a
     * record: Jackson leaves a field that is absent unset (null) but sets an explicit null Optional to empty, while
     * a record's creator would give both the same empty value.
     */
    static final class ActionPatch {
        @JsonProperty @Size(max = MAX_WORDS) String themeId;
        @JsonProperty @Size(max = MAX_WORDS) String outcomeId;
        @JsonProperty @Size(max = Action.MAX_REFERENCE) String reference;
        @JsonProperty @Size(max = Action.MAX_TEXT) String text;
        @JsonProperty @Size(max = Action.MAX_LIST_ITEMS) List<@Size(max = Action.MAX_ITEM) String> leads;
        @JsonProperty Optional<@Size(max = MAX_WORDS) String> due;
        @JsonProperty Optional<@Valid ReviewRequest> review;
        @JsonProperty @Size(max = Action.MAX_LIST_ITEMS) List<@Valid @NotNull MeasureRequest> measures;
        @JsonProperty @Size(max = Action.MAX_TEXT) String status;
        @JsonProperty @Size(max = MAX_WORDS) String rag;
        @JsonProperty @Size(max = Action.MAX_LIST_ITEMS) List<@Size(max = Action.MAX_ITEM) String> deliversOutcomes;
        @JsonProperty @Size(max = Action.MAX_TEXT) String reason;
        @JsonProperty @PositiveOrZero Long version;

        /** Whether the patch changes only how the action is going (status, RAG, dates): what its leads may change. */
        boolean changesOnlyProgress() {
            return themeId == null && outcomeId == null && reference == null && text == null && leads == null
                    && measures == null && deliversOutcomes == null;
        }

        boolean clearsDue() {
            return due != null && due.isEmpty();
        }

        boolean clearsReview() {
            return review != null && review.isEmpty();
        }

        String dueText() {
            return due == null ? null : due.orElse(null);
        }

        ReviewRequest reviewRequest() {
            return review == null ? null : review.orElse(null);
        }
    }

    record DueDateChange(@NotNull @Size(max = MAX_WORDS) String due, @Size(max = Action.MAX_TEXT) String reason,
                         @PositiveOrZero Long version) {
    }

    record RagChange(@NotNull @Size(max = MAX_WORDS) String rag, @Size(max = Action.MAX_TEXT) String reason,
                     @PositiveOrZero Long version) {
    }

    record StatusChange(@NotNull @Size(max = Action.MAX_TEXT) String status, @Size(max = Action.MAX_TEXT) String reason,
                        @PositiveOrZero Long version) {
    }

    record LeadsChange(@NotNull @Size(max = Action.MAX_LIST_ITEMS) List<@Size(max = Action.MAX_ITEM) String> leads,
                       @Size(max = Action.MAX_TEXT) String reason, @PositiveOrZero Long version) {
    }

    /** A review as requests give it: {"cadence": "QUARTERLY", "nextReview": "2024-03-31"}. */
    record ReviewRequest(@Size(max = MAX_WORDS) String cadence, @Size(max = MAX_WORDS) String nextReview) {

        Review toReview(String field, DueDate due) {
            ReviewCadence parsed = cadence == null ? null : ReviewCadence.parse(cadence)
                    .orElseThrow(() -> new InvalidFieldException(field + ".cadence", "'" + cadence
                            + "' is not a cadence; use one of " + Arrays.toString(ReviewCadence.values())));
            LocalDate next = date(field + ".nextReview", nextReview);
            if (parsed == null && next == null) {
                throw new InvalidFieldException(field, "give a cadence, a nextReview date, or both");
            }
            if (next == null && due == null) {
                throw new InvalidFieldException(field + ".nextReview", "is required when the action has no due date");
            }
            return Review.from(parsed, next, due);
        }
    }

    /** A measure as plain text ("Number of carers supported") or linked ({"text": ..., "measureId": ...}). */
    record MeasureRequest(@NotBlank @Size(max = Action.MAX_ITEM) String text,
                          @Pattern(regexp = "\\s*(" + MeasureRef.ID + ")?\\s*",
                                  message = "is not a measure id (letters, digits, '.', '_', ':' and '-', at most 100)")
                          String measureId) {

        @JsonCreator
        MeasureRequest {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static MeasureRequest ofText(String text) {
            return new MeasureRequest(text, null);
        }

        MeasureRef toMeasure() {
            return new MeasureRef(text, measureId);
        }

        static List<MeasureRef> all(List<MeasureRequest> measures) {
            return measures == null ? null : measures.stream().map(MeasureRequest::toMeasure).toList();
        }
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
}
