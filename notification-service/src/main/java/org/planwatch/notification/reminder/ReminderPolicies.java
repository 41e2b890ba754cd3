package org.planwatch.notification.reminder;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Each plan's reminder policy, where one was set; every other plan uses the service's default. */
@Repository
public class ReminderPolicies {

    static final String COLLECTION = "reminder_policies";
    private final MongoTemplate mongo;
    private final ReminderPolicy defaultPolicy;

    ReminderPolicies(MongoTemplate mongo,
                     @Value("${planwatch.reminders.days-before:28,7,1}") List<Integer> daysBefore,
                     @Value("${planwatch.reminders.overdue-every-days:7}") int overdueEveryDays) {
        this.mongo = mongo;
        this.defaultPolicy = new ReminderPolicy(daysBefore, overdueEveryDays);
    }

    record PlanPolicy(String id, List<Integer> daysBefore, int overdueEveryDays) {
    }

    public ReminderPolicy forPlan(String planId) {
        return find(planId).orElse(defaultPolicy);
    }

    public Optional<ReminderPolicy> find(String planId) {
        if (planId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(planId, PlanPolicy.class, COLLECTION))
                .map(p -> new ReminderPolicy(p.daysBefore(), p.overdueEveryDays()));
    }

    public void set(String planId, ReminderPolicy policy) {
        mongo.save(new PlanPolicy(planId, policy.daysBefore(), policy.overdueEveryDays()), COLLECTION);
    }

    public ReminderPolicy defaultPolicy() {
        return defaultPolicy;
    }
}
