package org.planwatch.plan.action;

import org.planwatch.problem.InvalidFieldException;

/**
 * A measure an action reports on: the plan's words ("Number of carers supported") and, once someone links it,
 * the id of the measure in measure-service. Until then it is text only.
 */
public record MeasureRef(String text, String measureId) {

    /** What a measure id may be: letters, digits, '.', '_', ':' and '-', at most 100. */
    public static final String ID = "[A-Za-z0-9._:-]{1,100}";

    public MeasureRef {
        text = InvalidFieldException.require("measures.text", text, Action.MAX_ITEM);
        if (measureId != null && measureId.isBlank()) {
            measureId = null;
        }
        if (measureId != null && !measureId.strip().matches(ID)) {
            throw new InvalidFieldException("measures.measureId", "'" + measureId
                    + "' is not a measure id (letters, digits, '.', '_', ':' and '-', at most 100)");
        }
        measureId = measureId == null ? null : measureId.strip();
    }

    public static MeasureRef text(String text) {
        return new MeasureRef(text, null);
    }

    public boolean isLinked() {
        return measureId != null;
    }
}
