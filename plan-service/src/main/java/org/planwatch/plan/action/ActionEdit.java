package org.planwatch.plan.action;

import java.util.List;

/**
 * The parts of an action a user wants to change; a null part is left as it is. {@code clearDue} and
 * {@code clearReview} remove a date, since null already means "leave it".
 */
public record ActionEdit(
        String themeId,
        String outcomeId,
        String reference,
        String text,
        List<String> leadIds,
        DueDate due,
        boolean clearDue,
        Review review,
        boolean clearReview,
        List<MeasureRef> measures,
        String status,
        Rag rag,
        List<String> deliversOutcomes) {

    public static ActionEdit dueDate(DueDate due) {
        return builder().due(due).build();
    }

    public static ActionEdit rag(Rag rag) {
        return builder().rag(rag).build();
    }

    public static ActionEdit status(String status) {
        return builder().status(status).build();
    }

    public ActionEdit withLeadIds(List<String> ids) {
        return new ActionEdit(themeId, outcomeId, reference, text, ids, due, clearDue, review, clearReview, measures,
                status, rag, deliversOutcomes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part changed, so an edit of two parts does not read as a row of nulls. */
    public static final class Builder {
        private String themeId;
        private String outcomeId;
        private String reference;
        private String text;
        private List<String> leadIds;
        private DueDate due;
        private boolean clearDue;
        private Review review;
        private boolean clearReview;
        private List<MeasureRef> measures;
        private String status;
        private Rag rag;
        private List<String> deliversOutcomes;

        private Builder() {
        }

        public Builder placement(String themeId, String outcomeId) {
            this.themeId = themeId;
            this.outcomeId = outcomeId;
            return this;
        }

        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder leadIds(List<String> leadIds) {
            this.leadIds = leadIds;
            return this;
        }

        public Builder due(DueDate due) {
            this.due = due;
            return this;
        }

        public Builder clearDue() {
            this.clearDue = true;
            return this;
        }

        public Builder review(Review review) {
            this.review = review;
            return this;
        }

        public Builder clearReview() {
            this.clearReview = true;
            return this;
        }

        public Builder measures(List<MeasureRef> measures) {
            this.measures = measures;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder rag(Rag rag) {
            this.rag = rag;
            return this;
        }

        public Builder deliversOutcomes(List<String> deliversOutcomes) {
            this.deliversOutcomes = deliversOutcomes;
            return this;
        }

        public ActionEdit build() {
            return new ActionEdit(themeId, outcomeId, reference, text, leadIds, due, clearDue, review, clearReview,
                    measures, status, rag, deliversOutcomes);
        }
    }
}
