package org.planwatch.notification.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.actionview.ActionViews;
import org.planwatch.notification.mail.Mailer;
import org.planwatch.notification.mail.ComposedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks through every live action for reminders due today and queues them, one email per lead. Running it again
 * the same day queues nothing new (each reminder's key is part of its email's id), so it runs often, on one
 * replica at a time, and a replica that was down catches up on its next run. An action that has just changed is
 * looked at straight away ({@link #remindAbout}), so a lead hears of a date that is already near without waiting for
 * the next scan.
 */
@Component
public class ReminderScan {

    private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);
    private final ActionViews views;
    private final ReminderPolicies policies;
    private final ReminderMails mails;
    private final Mailer mailer;
    private final Clock clock;

    ReminderScan(ActionViews views, ReminderPolicies policies, ReminderMails mails, Mailer mailer, Clock clock) {
        this.views = views;
        this.policies = policies;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(cron = "${planwatch.reminders.cron:0 */15 7-19 * * *}", zone = "${planwatch.time-zone:Europe/London}")
    // One replica scans at a time so the work is not done twice (a reminder queued twice is stored once anyway);
    // a scan takes seconds, and one killed mid-scan holds the next back by at most two minutes of a 15-minute cycle.
    @SchedulerLock(name = "reminder-scan", lockAtMostFor = "PT2M")
    public void scheduled() {
        int queued = scan(today());
        if (queued > 0) {
            log.info("Queued {} reminders", queued);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Queues the reminders one action has due today, as the scan would; returns how many were newly queued. */
    public int remindAbout(String actionId) {
        return views.find(actionId)
                .map(view -> remindAbout(view, today(), policies.forPlan(view.planId())))
                .orElse(0);
    }

    /** Queues the reminders due on {@code today}; returns how many emails were newly queued. */
    public int scan(LocalDate today) {
        Map<String, ReminderPolicy> planPolicies = new LinkedHashMap<>();
        int[] queued = {0};
        views.live().forEach(view -> queued[0] += remindAbout(view, today, planPolicies.computeIfAbsent(
                String.valueOf(view.planId()), planId -> policies.forPlan(view.planId()))));
        return queued[0];
    }

    private int remindAbout(ActionView view, LocalDate today, ReminderPolicy policy) {
        int queued = 0;
        for (Reminder reminder : ReminderRules.due(view, today, policy)) {
            for (ActionView.Recipient lead : view.leads()) {
                if (lead.email() != null && enqueue(view, reminder, lead)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private boolean enqueue(ActionView view, Reminder reminder, ActionView.Recipient lead) {
        if (mailer.alreadyQueued(reminder.key(), reminder.kind(), lead.email())) {
            return false;
        }
        ComposedMail mail = mails.compose(view, reminder, lead.name());
        return mailer.queue(reminder.key(), reminder.kind(), view.id(), lead.name(), lead.email(), mail,
                view.partnership());
    }
}
