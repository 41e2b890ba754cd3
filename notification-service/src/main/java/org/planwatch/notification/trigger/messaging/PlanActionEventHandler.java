package org.planwatch.notification.trigger.messaging;

import java.time.LocalDate;
import java.util.List;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.actionview.ActionViews;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.mail.Mailer;
import org.planwatch.notification.reminder.ReminderScan;
import org.planwatch.notification.trigger.ChangeMails;
import org.planwatch.notification.trigger.NotificationRules;
import org.planwatch.notification.trigger.Notice;
import org.planwatch.notification.trigger.PlanActionEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles one action event: keeps the view and queues the emails its rules call for. Both steps are idempotent
 * (views keep the newest version; an email's id is its event, kind and recipient), so a redelivered event changes
 * nothing and sends nothing twice.
 */
@Component
public class PlanActionEventHandler {

    private final JsonMapper json;
    private final ActionViews views;
    private final Mailer mailer;
    private final ChangeMails changeMails;
    private final ReminderScan reminders;
    private final boolean remindOnChange;

    PlanActionEventHandler(JsonMapper json, ActionViews views, Mailer mailer, ChangeMails changeMails,
                           ReminderScan reminders,
                           @Value("${planwatch.reminders.when-action-changes:true}") boolean remindOnChange) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.views = views;
        this.mailer = mailer;
        this.changeMails = changeMails;
        this.reminders = reminders;
        this.remindOnChange = remindOnChange;
    }

    public void handle(byte[] payload) {
        PlanActionEvent event = read(payload);
        if (event.kind().equals("context-changed")) {
            views.refresh(view(event));
        } else {
            views.keepNewest(view(event));
        }
        for (Notice notice : NotificationRules.noticesFor(event)) {
            if (!mailer.alreadyQueued(event.id(), notice.kind(), notice.recipientEmail())) {
                ComposedMail mail = changeMails.compose(event, notice);
                mailer.queue(event.id(), notice.kind(), event.data().actionId(), notice.recipientName(),
                        notice.recipientEmail(), mail, event.data().plan() == null ? null
                                : event.data().plan().partnership());
            }
        }
        if (remindOnChange) {
            reminders.remindAbout(event.data().actionId());
        }
    }

    private PlanActionEvent read(byte[] payload) {
        PlanActionEvent event;
        try {
            event = json.readValue(payload, PlanActionEvent.class);
        } catch (JacksonException e) {
            throw new UnreadableEventException("not a CloudEvents JSON action event: " + e.getOriginalMessage(), e);
        }
        if (!"1.0".equals(event.specversion()) || event.id() == null || event.data() == null
                || event.data().actionId() == null || !event.type().startsWith(PlanActionEvent.TYPE_PREFIX)
                || !event.type().endsWith(".v1")) {
            throw new UnreadableEventException("not a version 1 plan action event: specversion " + event.specversion()
                    + ", type " + event.type() + ", id " + event.id(), null);
        }
        return event;
    }

    private static ActionView view(PlanActionEvent event) {
        PlanActionEvent.Data data = event.data();
        PlanActionEvent.ActionState action = data.action();
        List<ActionView.Recipient> leads = action.leads() == null ? List.of() : action.leads().stream()
                .map(l -> new ActionView.Recipient(l.contactName() != null ? l.contactName() : l.name(), l.email()))
                .toList();
        var plan = data.plan();
        return new ActionView(data.actionId(), data.actionVersion(), event.kind().equals("deleted"),
                plan == null ? null : plan.id(), plan == null ? null : plan.title(),
                plan == null || plan.owner() == null ? null : plan.owner().name(),
                plan == null || plan.owner() == null ? null : plan.owner().email(),
                data.theme() == null ? null : data.theme().name(),
                data.outcome() == null ? null : data.outcome().reference(),
                data.outcome() == null ? null : data.outcome().text(),
                action.reference(), action.text(), leads,
                action.due() == null ? null : LocalDate.parse(action.due().date()),
                action.due() == null ? null : action.due().precision(),
                action.due() == null ? null : action.due().text(),
                action.review() == null ? null : action.review().cadence(),
                action.review() == null || action.review().nextReview() == null ? null
                        : LocalDate.parse(action.review().nextReview()),
                action.rag(), action.status(), null,
                plan == null ? null : plan.partnership());
    }
}
