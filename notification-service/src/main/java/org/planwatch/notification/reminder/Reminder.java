package org.planwatch.notification.reminder;

import java.time.LocalDate;
import org.planwatch.notification.mail.MailKind;

/**
 * A reminder that is due: its kind, the date it is about, how many days are left (negative when overdue), and the
 * key that makes it once-only: the same reminder about the same date is never sent twice, and a moved date gets
 * reminders of its own.
 */
public record Reminder(MailKind kind, LocalDate date, long daysLeft, String key) {
}
