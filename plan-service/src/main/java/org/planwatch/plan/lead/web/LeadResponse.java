package org.planwatch.plan.lead.web;

import java.util.List;
import org.planwatch.plan.lead.Lead;

/** A lead as the API shows it. */
public record LeadResponse(String id, long version, String kind, String name, String roleTitle, String organisation,
                           String contactName, String email, List<String> aliases) {

    public static LeadResponse from(Lead lead, long version) {
        return new LeadResponse(lead.id(), version, lead.kind().name(), lead.name(), lead.roleTitle(),
                lead.organisation(), lead.contactName(), lead.email(), lead.aliases());
    }
}
