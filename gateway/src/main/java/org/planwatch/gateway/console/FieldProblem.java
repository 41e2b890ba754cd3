package org.planwatch.gateway.console;

/** A form field's problem, as a page's error summary and the field itself show it. */
public record FieldProblem(String field, String message) {
}
