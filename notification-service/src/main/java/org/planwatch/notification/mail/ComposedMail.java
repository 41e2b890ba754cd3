package org.planwatch.notification.mail;

/**
 * A written email, before it is queued; {@code calendar} is an iCalendar attachment, {@code chart} a measure's chart
 * shown in the HTML body, each or both null.
 */
public record ComposedMail(String subject, String text, String html, String calendar, Chart chart) {

    /** A PNG picture the HTML body shows as {@code cid:measure-chart}, with its text alternative. */
    public record Chart(byte[] png, String description) {

        public static final String CONTENT_ID = "measure-chart";
    }
}
