package org.planwatch.notification.actionview;

import java.time.LocalDate;
import java.util.List;

/**
 * What this service knows of an action: enough to write a reminder without asking plan-service. {@code version}
 * is the action's version in plan-service, so an older event never overwrites a newer view. {@code firstSeen} is the
 * day this service first heard of the action (set by the store, never by an event).
 */
public record ActionView(String id, long version, boolean deleted, String planId, String planTitle, String ownerName,
                         String ownerEmail, String themeName, String outcomeReference, String outcomeText,
                         String reference, String text, List<Recipient> leads, LocalDate dueDate, String duePrecision,
                         String dueText, String reviewCadence, LocalDate nextReview, String rag, String status,
                         LocalDate firstSeen, String partnership) {

    /** Someone an email can go to. */
    public record Recipient(String name, String email) {
    }
}
