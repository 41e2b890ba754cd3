package org.planwatch.plan.lead.store;

import org.planwatch.plan.lead.Lead;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A lead in its partnership's directory; two partnerships on one installation each keep their own. */
@Document("leads")
record LeadDocument(@Id String id, long version, Lead lead, String partnership) {
}
