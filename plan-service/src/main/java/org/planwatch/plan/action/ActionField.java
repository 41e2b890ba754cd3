package org.planwatch.plan.action;

/** The parts of an action a change can touch; history and events name them. */
public enum ActionField {
    PLACEMENT("placement"), REFERENCE("reference"), TEXT("text"), LEADS("leads"), DUE_DATE("dueDate"),
    REVIEW("review"), MEASURES("measures"), STATUS("status"), RAG("rag"), DELIVERS_OUTCOMES("deliversOutcomes"),
    DELETED("deleted");

    private final String jsonName;

    ActionField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name the API and the events use for this part. */
    public String jsonName() {
        return jsonName;
    }
}
