package org.planwatch.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.mail.MailKind;
import org.planwatch.notification.trigger.PlanActionEvent.ActionState;
import org.planwatch.notification.trigger.PlanActionEvent.Due;
import org.planwatch.notification.trigger.PlanActionEvent.Lead;

class NotificationRulesTest {

    static final List<Lead> TWO_LEADS = List.of(
            new Lead("l1", "PERSON", "Dana", null, null, "dana@example.org"),
            new Lead("l2", "ORGANISATION", "NHS England", null, "Primary Care Team", "england@example.org"),
            new Lead("l3", "PERSON", "Dana again", null, null, "DANA@example.org"));

    @Test
    void aDueDateChangeGoesToEveryLeadOnce() {
        List<Notice> notices = NotificationRules.noticesFor(event("due-date-changed", "GREEN", "GREEN", null,
                "2022-06-30", "2022-09-30"));

        assertThat(notices).extracting(Notice::recipientEmail).containsExactly("dana@example.org", "england@example.org");
        assertThat(notices).extracting(Notice::recipientName).containsExactly("Dana", "Primary Care Team");
        assertThat(notices).allMatch(n -> n.kind() == MailKind.DUE_DATE_CHANGED);
    }

    @Test
    void aMoveToRedAlsoGoesToThePlanOwner() {
        List<Notice> notices = NotificationRules.noticesFor(event("rag-changed", "AMBER", "RED", true, "2022-06-30",
                "2022-06-30"));

        assertThat(notices).extracting(Notice::recipientEmail)
                .containsExactly("dana@example.org", "england@example.org", "owner@example.org");
        assertThat(notices.get(2).role()).isEqualTo(Notice.Role.PLAN_OWNER);
    }

    @Test
    void aDowngradeToAmberGoesToLeadsOnly() {
        assertThat(NotificationRules.noticesFor(event("rag-changed", "GREEN", "AMBER", true, "2022-06-30", "2022-06-30")))
                .extracting(Notice::role).containsOnly(Notice.Role.LEAD);
    }

    @Test
    void upgradesStatusUpdatesAndUnchangedDatesSendNothing() {
        assertThat(NotificationRules.noticesFor(event("rag-changed", "RED", "AMBER", false, "2022-06-30", "2022-06-30")))
                .isEmpty();
        assertThat(NotificationRules.noticesFor(event("status-updated", "RED", "RED", null, "2022-06-30", "2022-06-30")))
                .isEmpty();
        assertThat(NotificationRules.noticesFor(event("due-date-changed", "RED", "RED", null, "2022-06-30",
                "2022-06-30"))).isEmpty();
    }

    private static PlanActionEvent event(String kind, String ragBefore, String ragAfter, Boolean downgrade,
                                         String dueBefore, String dueAfter) {
        ActionState before = new ActionState("1a", "text", TWO_LEADS, new Due(dueBefore, "DAY", dueBefore), null,
                List.of(), null, ragBefore);
        ActionState after = new ActionState("1a", "text", TWO_LEADS, new Due(dueAfter, "DAY", dueAfter), null,
                List.of(), null, ragAfter);
        var plan = new PlanActionEvent.Plan("p1", "Plan", null, new PlanActionEvent.Person("Owner", "owner@example.org"));
        return new PlanActionEvent("1.0", "e1", "org.planwatch.plan.action." + kind + ".v1", "a1", null,
                new PlanActionEvent.Data("a1", 2, "x", null, downgrade, plan, null, null, after, before, null, null));
    }
}
