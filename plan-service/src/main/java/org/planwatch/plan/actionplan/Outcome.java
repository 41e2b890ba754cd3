package org.planwatch.plan.actionplan;

import static org.planwatch.problem.InvalidFieldException.limit;
import static org.planwatch.problem.InvalidFieldException.require;

/** A numbered outcome under a theme, such as "1.1 IT systems will facilitate joined up working...". */
public record Outcome(String id, String reference, String text) {

    public Outcome {
        reference = limit("reference", reference == null || reference.isBlank() ? null : reference.strip(), 32);
        text = require("text", text, 4000);
    }
}
