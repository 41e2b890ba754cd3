package org.planwatch.notification.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.planwatch.notification.mail.MailQueue;
import org.planwatch.notification.mail.MailStatus;
import org.planwatch.notification.mail.QueuedMail;
import org.planwatch.notification.mail.MailTemplates;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.mail.MailKind;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, turns each recipient's held emails into one digest email (id {@code digest:<day>}, so a second run
 * the same day queues nothing), and marks what went into it.
 */
@Component
public class DailyDigest {

    private final MailQueue queue;
    private final MailTemplates templates;
    private final Clock clock;

    DailyDigest(MailQueue queue, MailTemplates templates, Clock clock) {
        this.queue = queue;
        this.templates = templates;
        this.clock = clock;
    }

    @Scheduled(cron = "${planwatch.digest.cron:0 0 7 * * *}", zone = "${planwatch.time-zone:Europe/London}")
    // One replica at a time is the rule here: two would compose the same held emails into two digests. Composing
    // a day's digests takes seconds; a replica killed mid-way holds the next run back by at most five minutes.
    @SchedulerLock(name = "daily-digest", lockAtMostFor = "PT5M")
    public void scheduled() {
        send(LocalDate.now(clock));
    }

    /** Queues the digests for {@code day}; returns how many were newly queued. */
    public int send(LocalDate day) {
        Map<String, List<QueuedMail>> byRecipient = new LinkedHashMap<>();
        for (QueuedMail held : queue.heldForDigest()) {
            byRecipient.computeIfAbsent(held.recipient(), r -> new java.util.ArrayList<>()).add(held);
        }
        int sent = 0;
        for (var entry : byRecipient.entrySet()) {
            List<QueuedMail> items = entry.getValue();
            String digestKey = "digest:" + day;
            String id = QueuedMail.idFor(digestKey, MailKind.DIGEST.name(), entry.getKey());
            ComposedMail digest = compose(day, items.get(0).recipientName(), items);
            boolean fresh = queue.enqueue(new QueuedMail(id, digestKey, MailKind.DIGEST.name(), null,
                    items.get(0).recipientName(), entry.getKey(), digest.subject(), digest.text(), digest.html(), null,
                    MailStatus.PENDING, 0, clock.instant(), clock.instant(), null, null, null, onePartnership(items),
                    null));
            if (fresh) {
                queue.markDigested(items.stream().map(QueuedMail::id).toList(), id);
                sent++;
            }
        }
        return sent;
    }

    /** One email for a recipient's held emails of a day, each with its subject and text. */
    private ComposedMail compose(LocalDate day, String recipientName, List<QueuedMail> items) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipientName);
        model.put("day", MailTemplates.day(day));
        model.put("items", items);
        String subject = "[planwatch] Your digest for " + MailTemplates.day(day) + ": " + items.size()
                + (items.size() == 1 ? " update" : " updates");
        return templates.render("digest", subject, model, null);
    }

    /** A digest of one partnership's emails is that partnership's; one gathering several is its recipient's alone. */
    private static String onePartnership(List<QueuedMail> items) {
        List<String> partnerships = items.stream().map(QueuedMail::partnership).distinct().toList();
        return partnerships.size() == 1 ? partnerships.get(0) : null;
    }
}
