package org.planwatch.plan.lead.store;

import org.planwatch.plan.lead.Lead;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("leads")
record LeadDocument(@Id String id, long version, Lead lead) {
}
