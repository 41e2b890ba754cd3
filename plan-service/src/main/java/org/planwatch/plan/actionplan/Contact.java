package org.planwatch.plan.actionplan;

import org.planwatch.problem.Emails;
import org.planwatch.problem.InvalidFieldException;

/** Someone who can be emailed about a plan as a whole, such as its owner. */
public record Contact(String name, String email) {

    public Contact {
        name = InvalidFieldException.require("owner.name", name, 200);
        email = Emails.check("owner.email", email, true);
    }
}
