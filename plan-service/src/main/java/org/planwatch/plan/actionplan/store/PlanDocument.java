package org.planwatch.plan.actionplan.store;

import org.planwatch.plan.actionplan.Plan;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("plans")
record PlanDocument(@Id String id, long version, Plan plan) {
}
