package org.planwatch.notification.measurestatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.actionview.ActionViews;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.mail.MailKind;
import org.planwatch.notification.mail.MailTemplates;
import org.planwatch.notification.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * Tells people when a measure's figures stop coming (it turned stale) and when they come again: the publishing
 * organisation's contact, and the leads of the actions the measure is evidence for. Once per change: each email's id
 * is the status event, its kind and the recipient, so a redelivered event sends nothing twice.
 */
@Component
public class StalenessNotices {

    private final ActionViews actions;
    private final Mailer mailer;
    private final MailTemplates templates;

    StalenessNotices(ActionViews actions, Mailer mailer, MailTemplates templates) {
        this.actions = actions;
        this.mailer = mailer;
        this.templates = templates;
    }

    /** Queues the emails a status event calls for; returns how many it queued. */
    public int handle(MeasureStatusEvent event) {
        MeasureStatusEvent.Data data = event.data();
        if (data == null || data.measure() == null || data.stale() == data.previouslyStale()) {
            return 0;
        }
        MailKind kind = data.stale() ? MailKind.MEASURE_STALE : MailKind.MEASURE_FRESH;
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        MeasureStatusEvent.Person contact = data.measure().contact();
        if (contact != null && contact.email() != null) {
            recipients.put(contact.email().toLowerCase(Locale.ROOT), new Recipient(contact.name(), contact.email(),
                    null, true));
        }
        for (String actionId : data.measure().actionIds() == null ? List.<String>of() : data.measure().actionIds()) {
            actions.find(actionId).filter(view -> !view.deleted()).ifPresent(view -> {
                for (ActionView.Recipient lead : view.leads()) {
                    if (lead.email() != null) {
                        recipients.putIfAbsent(lead.email().toLowerCase(Locale.ROOT), new Recipient(lead.name(),
                                lead.email(), view, false));
                    }
                }
            });
        }
        int queued = 0;
        for (Recipient recipient : recipients.values()) {
            if (!mailer.alreadyQueued(event.id(), kind, recipient.email())) {
                ComposedMail mail = compose(kind, data, recipient);
                if (mailer.queue(event.id(), kind, recipient.action() == null ? null : recipient.action().id(),
                        recipient.name(), recipient.email(), mail, data.measure().partnership())) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private record Recipient(String name, String email, ActionView action, boolean publisher) {
    }

    private ComposedMail compose(MailKind kind, MeasureStatusEvent.Data data, Recipient recipient) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("recipientName", recipient.name() == null ? recipient.email() : recipient.name());
        model.put("asPublisher", recipient.publisher());
        model.put("measureName", data.measure().name());
        model.put("measureKey", data.measure().key());
        model.put("publishers", String.join(", ", data.measure().publishers() == null ? List.of()
                : data.measure().publishers()));
        model.put("latestPeriod", data.latest() == null ? null : data.latest().period());
        model.put("latestValue", data.latest() == null ? null : data.latest().value().stripTrailingZeros()
                .toPlainString());
        model.put("expectedBy", data.expectedBy() == null ? null
                : MailTemplates.day(java.time.LocalDate.parse(data.expectedBy())));
        model.put("actionText", recipient.action() == null ? null : recipient.action().text());
        model.put("planTitle", recipient.action() == null ? null : recipient.action().planTitle());
        model.put("link", recipient.action() == null ? null : templates.link(recipient.action().id()));
        String subject = kind == MailKind.MEASURE_STALE
                ? "No new figures for \"" + data.measure().name() + "\" since " + model.get("latestPeriod")
                : "Figures for \"" + data.measure().name() + "\" are coming in again";
        return templates.render(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), subject, model, null,
                MeasureCharts.chartOf(data).orElse(null));
    }
}
