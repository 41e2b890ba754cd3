package org.planwatch.notification.mail.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.planwatch.notification.mail.MailQueue;
import org.planwatch.notification.mail.MailStatus;
import org.planwatch.notification.mail.QueuedMail;
import org.planwatch.caller.Caller;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.ConflictException;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.planwatch.notification.mail.MailKind;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was emailed to whom, and what became of it. */
@RestController
@RequestMapping("/api/notifications")
class NotificationLogController {

    private final MailQueue queue;
    private final Clock clock;

    NotificationLogController(MailQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    record Entry(String id, String eventId, String kind, String actionId, String recipient, String subject,
                 String status, int attempts, Instant queuedAt, Instant sentAt, String lastError, String traceId) {

        static Entry from(QueuedMail m) {
            return new Entry(m.id(), m.eventId(), m.kind(), m.actionId(), m.recipient(), m.subject(), m.status().name(),
                    m.attempts(), m.queuedAt(), m.sentAt(), m.lastError(), m.traceId());
        }
    }

    record EntryPage(List<Entry> items, int page, int size, long totalItems) {
    }

    /**
     * Administrators search the emails about their partnership's plans and measures; a lead sees only what was sent
     * to them, whichever partnership it was about.
     */
    @GetMapping
    EntryPage search(Caller caller, @RequestParam(required = false) String recipient,
                             @RequestParam(required = false) String actionId,
                             @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String status,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Criteria criteria = new Criteria();
        if (caller.isAdministrator()) {
            criteria = new Criteria().orOperator(Criteria.where("partnership").is(caller.partnership() == null ? ""
                    : caller.partnership()), Criteria.where("recipient").is(caller.email() == null ? "" : caller.email()));
        } else {
            if (recipient != null && !caller.hasEmail(recipient)) {
                throw new ForbiddenException("Not your notifications", caller.subject()
                        + " may read only the emails sent to them");
            }
            recipient = caller.email() == null ? "" : caller.email();
        }
        if (recipient != null) {
            criteria = criteria.and("recipient").is(recipient.strip().toLowerCase(Locale.ROOT));
        }
        if (actionId != null) {
            criteria = criteria.and("actionId").is(actionId);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(InvalidFieldException.oneOf("kind", MailKind.class, kind).name());
        }
        if (status != null) {
            criteria = criteria.and("status").is(InvalidFieldException.oneOf("status", MailStatus.class, status));
        }
        Query query = Query.query(criteria);
        long total = queue.count(query);
        query.with(Sort.by(Sort.Direction.DESC, "queuedAt")).skip((long) page * size).limit(size);
        List<Entry> entries = queue.find(query).stream().map(Entry::from).toList();
        // Mail queued between the count and the read is shown, so the count must not say less than the page holds.
        return new EntryPage(entries, page, size, Math.max(total, (long) page * size + entries.size()));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<Entry> retry(@PathVariable String id, Caller caller) {
        QueuedMail mail = queue.get(id);
        if (mail == null || !caller.belongsTo(mail.partnership())) {
            throw new NotFoundException("notification", id);
        }
        if (!queue.retry(id, clock.instant())) {
            throw new ConflictException("notification " + id + " is " + mail.status()
                    + "; only FAILED ones can be retried");
        }
        return ResponseEntity.accepted().location(URI.create("/api/notifications?actionId=" + mail.actionId()))
                .body(Entry.from(queue.get(id)));
    }
}
