package org.planwatch.notification.trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.planwatch.notification.mail.CalendarInvites;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.mail.MailKind;
import org.planwatch.notification.mail.MailTemplates;
import org.planwatch.notification.measurestatus.MeasureCharts;
import org.springframework.stereotype.Component;

/** Writes the email a change announces, from the event that announced it; a moved date carries a calendar entry. */
@Component
public class ChangeMails {

    private final MailTemplates templates;
    private final MeasureCharts charts;

    ChangeMails(MailTemplates templates, MeasureCharts charts) {
        this.templates = templates;
        this.charts = charts;
    }

    public ComposedMail compose(PlanActionEvent event, Notice notice) {
        PlanActionEvent.Data data = event.data();
        MailTemplates.ActionContext action = new MailTemplates.ActionContext(data.actionId(),
                data.plan() == null ? "" : data.plan().title(), data.theme() == null ? null : data.theme().name(),
                data.outcome() == null ? null : data.outcome().reference(),
                data.outcome() == null ? null : data.outcome().text(), data.action().reference(),
                data.action().text(), data.action().status(), data.action().rag());
        Map<String, Object> model = templates.model(action, notice.recipientName());
        model.put("asOwner", notice.role() == Notice.Role.PLAN_OWNER);
        model.put("reason", data.reason());
        model.put("changedBy", data.changedBy());
        model.put("previousDue", due(data.previous() == null ? null : data.previous().due()));
        model.put("due", due(data.action().due()));
        model.put("previousRag", data.previous() == null ? null : data.previous().rag());
        String plan = "[" + model.get("planTitle") + "] ";
        String subject = switch (notice.kind()) {
            case DUE_DATE_CHANGED -> plan + "Due date of " + action.name() + " moved from " + model.get("previousDue")
                    + " to " + model.get("due");
            case RAG_DOWNGRADED -> plan + MailTemplates.capitalised(action.name()) + " is now " + action.rag()
                    + " (was " + model.get("previousRag") + ")";
            default -> throw new IllegalArgumentException(notice.kind() + " is not announced by an event");
        };
        String calendar = null;
        if (notice.kind() == MailKind.DUE_DATE_CHANGED && data.action().due() != null) {
            calendar = CalendarInvites.allDay("due-" + data.actionId() + "@planwatch", data.actionVersion(),
                    LocalDate.parse(data.action().due().date()), "Due: " + action.summary(), data.action().text(),
                    templates.link(data.actionId()));
        }
        // A rating a measure set shows the measure's chart, as judged when it set it: the why, drawn.
        ComposedMail.Chart chart = notice.kind() == MailKind.RAG_DOWNGRADED
                ? charts.explaining(data.ragMeasure(), judgedAt(data)).orElse(null) : null;
        return templates.render(notice.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), subject,
                model, calendar, chart);
    }

    private static Instant judgedAt(PlanActionEvent.Data data) {
        try {
            return data.ragMeasureJudgedAt() == null ? null : Instant.parse(data.ragMeasureJudgedAt());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String due(PlanActionEvent.Due due) {
        return due == null ? MailTemplates.due(null, null, null)
                : MailTemplates.due(due.date(), due.precision(), due.text());
    }
}
