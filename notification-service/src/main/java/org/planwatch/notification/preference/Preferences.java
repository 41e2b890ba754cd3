package org.planwatch.notification.preference;

import java.util.EnumSet;
import java.util.Set;
import org.planwatch.notification.mail.MailKind;

/** One recipient's choices; a recipient who never chose gets everything at once. */
public record Preferences(String email, Delivery delivery, Set<MailKind> optedOut) {

    public Preferences {
        delivery = delivery == null ? Delivery.IMMEDIATE : delivery;
        optedOut = optedOut == null || optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
    }

    public static Preferences defaults(String email) {
        return new Preferences(email, Delivery.IMMEDIATE, Set.of());
    }

    public boolean wants(MailKind kind) {
        return !optedOut.contains(kind);
    }

    public Preferences optingOutOf(MailKind kind) {
        EnumSet<MailKind> kinds = optedOut.isEmpty() ? EnumSet.noneOf(MailKind.class) : EnumSet.copyOf(optedOut);
        kinds.add(kind);
        return new Preferences(email, delivery, kinds);
    }
}
