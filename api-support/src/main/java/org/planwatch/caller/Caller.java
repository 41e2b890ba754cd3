package org.planwatch.caller;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as their access token says: the subject the history names, their email (how a lead is found in
 * the directory), their roles, and the partnership or organisation they act for.
 *
 * <p>{@code partnership} scopes administrators and leads: they see only their partnership's plans.
 * {@code organisation} scopes a partner system: it publishes only its own organisation's measures.
 */
public record Caller(String subject, String email, Set<Role> roles, String partnership, String organisation) {

    public enum Role { ADMINISTRATOR, LEAD, PARTNER }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isAdministrator() {
        return is(Role.ADMINISTRATOR);
    }

    /** Whether a plan of {@code partnership} is this caller's to see; a caller with no partnership sees none. */
    public boolean belongsTo(String partnership) {
        return this.partnership != null && partnership != null && this.partnership.equalsIgnoreCase(partnership.strip());
    }

    /** Whether this is the person an email address names. */
    public boolean hasEmail(String address) {
        return email != null && address != null && email.equalsIgnoreCase(address.strip());
    }
}
