package org.planwatch.notification.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.mail.MailKind;

/**
 * Which reminders an action has due today. A missed day is caught up: with reminders at 28, 7 and 1 days, an
 * action first seen 5 days before its date gets the 7-day reminder (saying 5 days), once. Nothing is sent for a
 * COMPLETE or deleted action, nor for a date that had already passed when this service first heard of the action:
 * a plan imported with deadlines that slipped before planwatch watched them shows them overdue, but does not fill
 * every lead's inbox on its first day; planwatch reminds of the deadlines it sees pass, and of every date moved.
 */
public final class ReminderRules {

    private ReminderRules() {
    }

    public static List<Reminder> due(ActionView action, LocalDate today, ReminderPolicy policy) {
        if (action.deleted() || "COMPLETE".equals(action.rag())) {
            return List.of();
        }
        List<Reminder> reminders = new ArrayList<>();
        if (action.dueDate() != null && !passedBeforeFirstSeen(action.dueDate(), action, today)) {
            forDate(action.id(), "due", action.dueDate(), today, policy, MailKind.DUE_SOON, MailKind.DUE_TODAY,
                    MailKind.OVERDUE, reminders);
        }
        if (action.nextReview() != null && !passedBeforeFirstSeen(action.nextReview(), action, today)) {
            forDate(action.id(), "review", action.nextReview(), today, policy, MailKind.REVIEW_SOON,
                    MailKind.REVIEW_TODAY, MailKind.REVIEW_OVERDUE, reminders);
        }
        return reminders;
    }

    private static boolean passedBeforeFirstSeen(LocalDate date, ActionView action, LocalDate today) {
        return action.firstSeen() != null && !today.isBefore(action.firstSeen()) && date.isBefore(action.firstSeen());
    }

    private static void forDate(String actionId, String what, LocalDate date, LocalDate today, ReminderPolicy policy,
                                MailKind soon, MailKind onTheDay, MailKind overdue, List<Reminder> reminders) {
        long daysLeft = ChronoUnit.DAYS.between(today, date);
        String prefix = what + ":" + actionId + ":" + date + ":";
        if (daysLeft > 0) {
            List<Integer> thresholds = policy.daysBefore();
            for (int i = 0; i < thresholds.size(); i++) {
                int threshold = thresholds.get(i);
                int nextThreshold = i + 1 < thresholds.size() ? thresholds.get(i + 1) : 0;
                if (daysLeft <= threshold && daysLeft > nextThreshold) {
                    reminders.add(new Reminder(soon, date, daysLeft, prefix + "before-" + threshold));
                }
            }
        } else if (daysLeft == 0) {
            reminders.add(new Reminder(onTheDay, date, 0, prefix + "on-the-day"));
        } else {
            long overdueWeek = (-daysLeft - 1) / policy.overdueEveryDays();
            reminders.add(new Reminder(overdue, date, daysLeft, prefix + "overdue-" + overdueWeek));
        }
    }
}
