package org.planwatch.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Queues an email the way its recipient wants it: at once, held for their daily digest, or kept as SKIPPED when
 * they opted out of that kind. Whatever happens, the email is in the log under its once-only id.
 */
@Component
public class Mailer {

    private final MailQueue queue;
    private final RecipientChoices recipients;
    private final Clock clock;
    private final Counter queued;
    private final MailDispatcher dispatcher;

    Mailer(MailQueue queue, RecipientChoices recipients, Clock clock, MeterRegistry meters, MailDispatcher dispatcher) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.recipients = recipients;
        this.clock = clock;
        this.queued = Counter.builder("planwatch.mail.queued").description("emails queued for sending").register(meters);
    }

    /** Whether this (source, kind, recipient) was already queued once. */
    public boolean alreadyQueued(String sourceId, MailKind kind, String recipient) {
        return queue.get(QueuedMail.idFor(sourceId, kind.name(), recipient)) != null;
    }

    /** Queues one email; false if this (source, kind, recipient) was queued before. */
    public boolean queue(String sourceId, MailKind kind, String actionId, String recipientName, String recipient,
                         ComposedMail mail, String partnership) {
        MailStatus status = recipients.statusFor(recipient, kind);
        boolean fresh = queue.enqueue(new QueuedMail(QueuedMail.idFor(sourceId, kind.name(), recipient), sourceId,
                kind.name(), actionId, recipientName, recipient.toLowerCase(Locale.ROOT), mail.subject(), mail.text(),
                mail.html(), mail.calendar(), status, 0, clock.instant(), clock.instant(), null,
                status == MailStatus.SKIPPED ? "the recipient opted out of " + kind : null, null, partnership,
                mail.chart() == null ? null : mail.chart().png()));
        if (fresh && status != MailStatus.SKIPPED) {
            queued.increment();
        }
        if (fresh && status == MailStatus.PENDING) {
            dispatcher.wake();
        }
        return fresh;
    }
}
