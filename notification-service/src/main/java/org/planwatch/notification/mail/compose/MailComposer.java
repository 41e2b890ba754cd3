package org.planwatch.notification.mail.compose;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.actionview.messaging.PlanActionEvent;
import org.planwatch.notification.reminder.Reminder;
import org.planwatch.notification.trigger.MailKind;
import org.planwatch.notification.trigger.Notice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes each email from {@code mail/<template>.html} and {@code .txt}: changes from the event that announced
 * them, reminders from this service's view of the action. Deadline emails carry the date as an iCalendar event.
 */
@Component
public class MailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private final TemplateEngine templates = new TemplateEngine();
    private final String actionLink;

    MailComposer(@Value("${planwatch.links.action:http://localhost:8080/api/actions/{id}}") String actionLink) {
        this.actionLink = actionLink;
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    public ComposedMail compose(PlanActionEvent event, Notice notice) {
        PlanActionEvent.Data data = event.data();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", notice.recipientName());
        model.put("asOwner", notice.role() == Notice.Role.PLAN_OWNER);
        model.put("planTitle", data.plan() == null ? "" : data.plan().title());
        model.put("themeName", data.theme() == null ? null : data.theme().name());
        model.put("outcomeReference", data.outcome() == null ? null : data.outcome().reference());
        model.put("outcomeText", data.outcome() == null ? null : data.outcome().text());
        model.put("actionReference", data.action().reference());
        model.put("actionText", data.action().text());
        model.put("reason", data.reason());
        model.put("changedBy", data.changedBy());
        model.put("status", data.action().status());
        model.put("link", link(data.actionId()));
        model.put("previousDue", due(data.previous() == null ? null : data.previous().due()));
        model.put("due", due(data.action().due()));
        model.put("previousRag", data.previous() == null ? null : data.previous().rag());
        model.put("rag", data.action().rag());
        String subject = switch (notice.kind()) {
            case DUE_DATE_CHANGED -> "[" + model.get("planTitle") + "] Due date of " + action(model) + " moved from "
                    + model.get("previousDue") + " to " + model.get("due");
            case RAG_DOWNGRADED -> "[" + model.get("planTitle") + "] " + capitalised(action(model)) + " is now "
                    + model.get("rag") + " (was " + model.get("previousRag") + ")";
            default -> throw new IllegalArgumentException(notice.kind() + " is not announced by an event");
        };
        String calendar = null;
        if (notice.kind() == MailKind.DUE_DATE_CHANGED && data.action().due() != null) {
            calendar = CalendarInvites.allDay("due-" + data.actionId() + "@planwatch", data.actionVersion(),
                    LocalDate.parse(data.action().due().date()), "Due: " + summary(model), data.action().text(),
                    link(data.actionId()));
        }
        return render(template(notice.kind()), subject, model, calendar);
    }

    public ComposedMail composeReminder(ActionView action, Reminder reminder, String recipientName) {
        boolean review = reminder.kind() == MailKind.REVIEW_SOON || reminder.kind() == MailKind.REVIEW_TODAY
                || reminder.kind() == MailKind.REVIEW_OVERDUE;
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipientName);
        model.put("planTitle", action.planTitle() == null ? "" : action.planTitle());
        model.put("themeName", action.themeName());
        model.put("outcomeReference", action.outcomeReference());
        model.put("outcomeText", action.outcomeText());
        model.put("actionReference", action.reference());
        model.put("actionText", action.text());
        model.put("status", action.status());
        model.put("rag", action.rag());
        model.put("link", link(action.id()));
        String date = review ? reminder.date().format(DAY)
                : due(new PlanActionEvent.Due(reminder.date().toString(), action.duePrecision(), action.dueText()));
        String what = review ? "The review of " + action(model) : capitalised(action(model));
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
        String calendar = CalendarInvites.allDay((review ? "review-" : "due-") + action.id() + "@planwatch",
                action.version(), reminder.date(), (review ? "Review: " : "Due: ") + summary(model), action.text(),
                link(action.id()));
        return render("reminder", "[" + model.get("planTitle") + "] " + what + " " + when, model, calendar);
    }

    /** One email for a recipient's held emails of a day, each with its subject and text. */
    public ComposedMail composeDigest(LocalDate day, String recipientName,
                                      java.util.List<org.planwatch.notification.mail.QueuedMail> items) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipientName);
        model.put("day", day.format(DAY));
        model.put("items", items);
        String subject = "[planwatch] Your digest for " + day.format(DAY) + ": " + items.size()
                + (items.size() == 1 ? " update" : " updates");
        return render("digest", subject, model, null);
    }

    private ComposedMail render(String template, String subject, Map<String, Object> model, String calendar) {
        Context context = new Context(Locale.UK, model);
        return new ComposedMail(oneLine(subject), templates.process(template + ".txt", context),
                templates.process(template + ".html", context), calendar);
    }

    private String link(String actionId) {
        return actionLink.replace("{id}", actionId);
    }

    private static String template(MailKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A due date in words: "Jun 22 (Thursday 30 June 2022)", or "no due date". */
    private static String due(PlanActionEvent.Due due) {
        if (due == null || due.date() == null) {
            return "no due date";
        }
        String day = LocalDate.parse(due.date()).format(DAY);
        return due.text() == null || "DAY".equals(due.precision()) ? day : due.text() + " (" + day + ")";
    }

    private static String action(Map<String, Object> model) {
        return model.get("actionReference") == null ? "an action" : "action " + model.get("actionReference");
    }

    private static String summary(Map<String, Object> model) {
        String text = String.valueOf(model.get("actionText"));
        String shortText = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return (model.get("actionReference") == null ? "" : model.get("actionReference") + " ") + shortText;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
