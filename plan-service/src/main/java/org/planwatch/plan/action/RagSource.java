package org.planwatch.plan.action;

/**
 * Where an action's RAG rating comes from: set by people (the default), or applied automatically from its linked
 * measures' outlook, as an administrator chose; and the latest suggestion the measures made either way.
 */
public record RagSource(boolean automatic, RagSuggestion suggestion) {

    public static final RagSource BY_PEOPLE = new RagSource(false, null);
}
