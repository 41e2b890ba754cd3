package org.planwatch.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.planwatch.notification.mail.compose.ComposedMail;
import org.planwatch.notification.preference.Delivery;
import org.planwatch.notification.preference.Preferences;
import org.planwatch.notification.preference.RecipientPreferences;
import org.planwatch.notification.trigger.MailKind;
import org.springframework.stereotype.Component;

/**
 * Queues an email the way its recipient wants it: at once, held for their daily digest, or kept as SKIPPED when
 * they opted out of that kind. Whatever happens, the email is in the log under its once-only id.
 */
@Component
public class Mailer {

    private final MailQueue queue;
    private final RecipientPreferences preferences;
    private final Clock clock;
    private final Counter queued;

    Mailer(MailQueue queue, RecipientPreferences preferences, Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.preferences = preferences;
        this.clock = clock;
        this.queued = Counter.builder("planwatch.mail.queued").description("emails queued for sending").register(meters);
    }

    /** Whether this (source, kind, recipient) was already queued once. */
    public boolean alreadyQueued(String sourceId, MailKind kind, String recipient) {
        return queue.get(QueuedMail.idFor(sourceId, kind.name(), recipient)) != null;
    }

    /** Queues one email; false if this (source, kind, recipient) was queued before. */
    public boolean queue(String sourceId, MailKind kind, String actionId, String recipientName, String recipient,
                         ComposedMail mail) {
        Preferences wanted = preferences.of(recipient);
        MailStatus status = !wanted.wants(kind) ? MailStatus.SKIPPED
                : wanted.delivery() == Delivery.DAILY_DIGEST ? MailStatus.DIGEST : MailStatus.PENDING;
        boolean fresh = queue.enqueue(new QueuedMail(QueuedMail.idFor(sourceId, kind.name(), recipient), sourceId,
                kind.name(), actionId, recipientName, recipient.toLowerCase(Locale.ROOT), mail.subject(), mail.text(),
                mail.html(), mail.calendar(), status, 0, clock.instant(), clock.instant(), null,
                status == MailStatus.SKIPPED ? "the recipient opted out of " + kind : null));
        if (fresh && status != MailStatus.SKIPPED) {
            queued.increment();
        }
        return fresh;
    }
}
