package org.planwatch.notification.reminder.web;

import java.util.List;
import org.planwatch.notification.reminder.ReminderPolicies;
import org.planwatch.notification.reminder.ReminderPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/notifications/plans/{planId}/reminder-policy}: when a plan's leads are reminded. */
@RestController
class ReminderPolicyController {

    private final ReminderPolicies policies;

    ReminderPolicyController(ReminderPolicies policies) {
        this.policies = policies;
    }

    record PolicyView(String planId, List<Integer> daysBefore, int overdueEveryDays, boolean planDefault) {
    }

    record PolicyRequest(List<Integer> daysBefore, Integer overdueEveryDays) {
    }

    @GetMapping("/api/notifications/plans/{planId}/reminder-policy")
    PolicyView get(@PathVariable String planId) {
        var own = policies.find(planId);
        ReminderPolicy policy = own.orElse(policies.defaultPolicy());
        return new PolicyView(planId, policy.daysBefore(), policy.overdueEveryDays(), own.isEmpty());
    }

    @PutMapping("/api/notifications/plans/{planId}/reminder-policy")
    PolicyView set(@PathVariable String planId, @RequestBody PolicyRequest request) {
        ReminderPolicy policy = new ReminderPolicy(request.daysBefore(),
                request.overdueEveryDays() == null ? ReminderPolicy.DEFAULT.overdueEveryDays()
                        : request.overdueEveryDays());
        policies.set(planId, policy);
        return new PolicyView(planId, policy.daysBefore(), policy.overdueEveryDays(), false);
    }
}
