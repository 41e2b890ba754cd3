package org.planwatch.plan.lead;

/** A lead is a named person or an organisation reached through a contact. */
public enum LeadKind {
    PERSON, ORGANISATION
}
