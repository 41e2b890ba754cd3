package org.planwatch.measure.definition;

import org.planwatch.problem.Emails;
import org.planwatch.problem.InvalidFieldException;

/** The person at the publishing organisation to tell when the measure's figures stop coming, and when they resume. */
public record Contact(String name, String email) {

    public Contact {
        name = InvalidFieldException.require("contact.name", name, 200);
        email = Emails.check("contact.email", email, true);
    }
}
