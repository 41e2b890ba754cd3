package org.planwatch.notification.preference;

import org.planwatch.notification.mail.MailKind;
import org.planwatch.notification.mail.MailStatus;
import org.planwatch.notification.mail.RecipientChoices;
import org.springframework.stereotype.Component;

/** Tells the mail queue how each recipient wants their email, and how they can stop it. */
@Component
class PreferredDelivery implements RecipientChoices {

    private final RecipientPreferences preferences;
    private final UnsubscribeLinks links;

    PreferredDelivery(RecipientPreferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    @Override
    public MailStatus statusFor(String recipient, MailKind kind) {
        Preferences wanted = preferences.of(recipient);
        return !wanted.wants(kind) ? MailStatus.SKIPPED
                : wanted.delivery() == Delivery.DAILY_DIGEST ? MailStatus.DIGEST : MailStatus.PENDING;
    }

    @Override
    public String unsubscribeLink(String recipient, MailKind kind) {
        return links.linkFor(recipient, kind);
    }
}
