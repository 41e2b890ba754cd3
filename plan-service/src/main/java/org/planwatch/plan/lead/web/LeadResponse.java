package org.planwatch.plan.lead.web;

import java.util.List;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadKind;

/**
 * A lead as the API shows it. An organisation's contact is shown both flat ({@code contactName}, {@code email}) and as
 * {@code contact}; a person has no {@code contact}.
 */
public record LeadResponse(String id, long version, String kind, String name, String roleTitle, String organisation,
                           String contactName, String email, Contact contact, List<String> aliases) {

    /** The person who answers for an organisation. */
    public record Contact(String name, String email) {
    }

    public static LeadResponse from(Lead lead, long version) {
        Contact contact = lead.kind() == LeadKind.ORGANISATION && (lead.contactName() != null || lead.email() != null)
                ? new Contact(lead.contactName(), lead.email()) : null;
        return new LeadResponse(lead.id(), version, lead.kind().name(), lead.name(), lead.roleTitle(),
                lead.organisation(), lead.contactName(), lead.email(), contact, lead.aliases());
    }
}
