package org.planwatch.plan.action;

import java.util.List;

/** A test's action: led by one lead, due June 2022, GREEN; each test names only what it is about. */
final class AnAction {

    private String reference = "1.1a";
    private String text = "Record carers on mosaic";
    private List<String> leadIds = List.of("lead-1");
    private DueDate due = DueDate.parse("Jun 22");
    private List<MeasureRef> measures = List.of(MeasureRef.text("Carer satisfaction"));
    private Rag rag = Rag.GREEN;

    static AnAction anAction() {
        return new AnAction();
    }

    AnAction reference(String reference) {
        this.reference = reference;
        return this;
    }

    AnAction text(String text) {
        this.text = text;
        return this;
    }

    AnAction ledBy(String... leadIds) {
        this.leadIds = List.of(leadIds);
        return this;
    }

    AnAction due(String due) {
        this.due = DueDate.parse(due);
        return this;
    }

    AnAction measuring(String... measures) {
        this.measures = java.util.Arrays.stream(measures).map(MeasureRef::text).toList();
        return this;
    }

    AnAction rated(Rag rag) {
        this.rag = rag;
        return this;
    }

    Action build() {
        return new Action("a1", "p1", null, null, reference, text, leadIds, due, null, measures, null, rag, List.of());
    }
}
