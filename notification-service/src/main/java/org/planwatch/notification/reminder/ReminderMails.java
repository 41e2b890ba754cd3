package org.planwatch.notification.reminder;

import java.util.Map;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.mail.CalendarInvites;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.mail.MailKind;
import org.planwatch.notification.mail.MailTemplates;
import org.springframework.stereotype.Component;

/** Writes a deadline or review reminder from this service's view of the action, with a calendar entry. */
@Component
class ReminderMails {

    private final MailTemplates templates;

    ReminderMails(MailTemplates templates) {
        this.templates = templates;
    }

    ComposedMail compose(ActionView view, Reminder reminder, String recipientName) {
        boolean review = reminder.kind() == MailKind.REVIEW_SOON || reminder.kind() == MailKind.REVIEW_TODAY
                || reminder.kind() == MailKind.REVIEW_OVERDUE;
        MailTemplates.ActionContext action = new MailTemplates.ActionContext(view.id(), view.planTitle(),
                view.themeName(), view.outcomeReference(), view.outcomeText(), view.reference(), view.text(),
                view.status(), view.rag());
        Map<String, Object> model = templates.model(action, recipientName);
        String date = review ? MailTemplates.day(reminder.date())
                : MailTemplates.due(reminder.date().toString(), view.duePrecision(), view.dueText());
        String what = review ? "The review of " + action.name() : MailTemplates.capitalised(action.name());
        long days = Math.abs(reminder.daysLeft());
        String when = switch (reminder.kind()) {
            case DUE_SOON, REVIEW_SOON -> "is due in " + days + (days == 1 ? " day" : " days") + ", on " + date;
            case DUE_TODAY, REVIEW_TODAY -> "is due today, " + date;
            case OVERDUE, REVIEW_OVERDUE -> "is overdue: it was due on " + date + ", " + days
                    + (days == 1 ? " day" : " days") + " ago";
            default -> throw new IllegalArgumentException(reminder.kind() + " is not a reminder");
        };
        model.put("headline", what + " " + when + ".");
        model.put("date", date);
        model.put("review", review);
        String calendar = CalendarInvites.allDay((review ? "review-" : "due-") + view.id() + "@planwatch",
                view.version(), reminder.date(), (review ? "Review: " : "Due: ") + action.summary(), view.text(),
                templates.link(view.id()));
        return templates.render("reminder", "[" + model.get("planTitle") + "] " + what + " " + when, model, calendar);
    }
}
