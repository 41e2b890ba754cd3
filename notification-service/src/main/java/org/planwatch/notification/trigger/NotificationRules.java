package org.planwatch.notification.trigger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.planwatch.notification.mail.MailKind;

/**
 * Who hears about a change. A due date change goes to every lead of the action; a RAG downgrade (GREEN to AMBER,
 * AMBER to RED, GREEN to RED) to every lead, and a move to RED to the plan owner too. Upgrades, and edits that
 * change nothing a lead acts on, send nothing.
 */
public final class NotificationRules {

    private NotificationRules() {
    }

    public static List<Notice> noticesFor(PlanActionEvent event) {
        PlanActionEvent.Data data = event.data();
        if (data == null || data.action() == null) {
            return List.of();
        }
        return switch (event.kind()) {
            case "due-date-changed" -> dueDateMoved(data) ? toLeads(MailKind.DUE_DATE_CHANGED, data) : List.of();
            case "rag-changed" -> Boolean.TRUE.equals(data.downgrade()) ? downgrade(data) : List.of();
            default -> List.of();
        };
    }

    private static boolean dueDateMoved(PlanActionEvent.Data data) {
        PlanActionEvent.Due before = data.previous() == null ? null : data.previous().due();
        PlanActionEvent.Due after = data.action().due();
        return !Objects.equals(before == null ? null : before.date(), after == null ? null : after.date());
    }

    private static List<Notice> downgrade(PlanActionEvent.Data data) {
        List<Notice> notices = new ArrayList<>(toLeads(MailKind.RAG_DOWNGRADED, data));
        PlanActionEvent.Person owner = data.plan() == null ? null : data.plan().owner();
        boolean toRed = "RED".equals(data.action().rag());
        if (toRed && owner != null && owner.email() != null
                && notices.stream().noneMatch(n -> n.recipientEmail().equalsIgnoreCase(owner.email()))) {
            notices.add(new Notice(MailKind.RAG_DOWNGRADED, owner.name(), owner.email(), Notice.Role.PLAN_OWNER));
        }
        return notices;
    }

    private static List<Notice> toLeads(MailKind kind, PlanActionEvent.Data data) {
        List<Notice> notices = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PlanActionEvent.Lead lead : data.action().leads() == null ? List.<PlanActionEvent.Lead>of()
                : data.action().leads()) {
            if (lead.email() != null && seen.add(lead.email().toLowerCase(Locale.ROOT))) {
                String name = lead.contactName() != null ? lead.contactName() : lead.name();
                notices.add(new Notice(kind, name, lead.email(), Notice.Role.LEAD));
            }
        }
        return notices;
    }
}
