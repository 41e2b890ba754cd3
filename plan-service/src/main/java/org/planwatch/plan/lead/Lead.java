package org.planwatch.plan.lead;

import static org.planwatch.problem.InvalidFieldException.limit;
import static org.planwatch.problem.InvalidFieldException.require;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.planwatch.problem.Emails;
import org.planwatch.problem.InvalidFieldException;

/**
 * A person or an organisation that leads actions. An organisation's {@code contactName} and {@code email} are
 * the person who answers for it. {@code aliases} are the other names plans use, such as a role title.
 */
public record Lead(String id, LeadKind kind, String name, String roleTitle, String organisation,
                   String contactName, String email, List<String> aliases) {

    public Lead {
        Objects.requireNonNull(id, "id");
        if (kind == null) {
            throw new InvalidFieldException("kind", "must be PERSON or ORGANISATION");
        }
        name = require("name", name, 200);
        roleTitle = limit("roleTitle", blank(roleTitle), 200);
        organisation = limit("organisation", blank(organisation), 200);
        contactName = limit("contactName", blank(contactName), 200);
        email = Emails.check("email", email, true);
        LinkedHashSet<String> cleaned = new LinkedHashSet<>();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            cleaned.add(require("aliases", alias, 200));
        }
        if (cleaned.size() > 50) {
            throw new InvalidFieldException("aliases", "at most 50 aliases are allowed");
        }
        aliases = List.copyOf(cleaned);
    }

    /** Whether a plan's words for a lead ("Carers Lead", "Lead Professional: Carers Centre Manager") mean this one. */
    public boolean answersTo(String words) {
        String wanted = normalise(words);
        if (wanted.isEmpty()) {
            return false;
        }
        return normalise(name).equals(wanted) || (roleTitle != null && normalise(roleTitle).equals(wanted))
                || aliases.stream().anyMatch(a -> normalise(a).equals(wanted));
    }

    /** Lower case, one space between words, no "Lead Professional:" prefix, dashes alike. */
    public static String normalise(String words) {
        if (words == null) {
            return "";
        }
        return words.toLowerCase(Locale.ROOT)
                .replaceFirst("^\\s*lead professional\\s*:\\s*", "")
                .replaceAll("[\\u2013\\u2014-]", " - ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
