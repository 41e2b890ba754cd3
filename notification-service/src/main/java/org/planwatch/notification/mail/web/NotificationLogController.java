package org.planwatch.notification.mail.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.planwatch.notification.mail.MailQueue;
import org.planwatch.notification.mail.MailStatus;
import org.planwatch.notification.mail.QueuedMail;
import org.planwatch.notification.trigger.MailKind;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
                 String status, int attempts, Instant queuedAt, Instant sentAt, String lastError) {

        static Entry from(QueuedMail m) {
            return new Entry(m.id(), m.eventId(), m.kind(), m.actionId(), m.recipient(), m.subject(), m.status().name(),
                    m.attempts(), m.queuedAt(), m.sentAt(), m.lastError());
        }
    }

    record EntryPage(List<Entry> items, int page, int size, long totalItems) {
    }

    @GetMapping
    ResponseEntity<?> search(@RequestParam(required = false) String recipient,
                             @RequestParam(required = false) String actionId,
                             @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            return invalid(page < 0 ? "page" : "size", page < 0 ? "must be 0 or more" : "must be between 1 and 500");
        }
        Criteria criteria = new Criteria();
        if (recipient != null) {
            criteria = criteria.and("recipient").is(recipient.strip().toLowerCase(Locale.ROOT));
        }
        if (actionId != null) {
            criteria = criteria.and("actionId").is(actionId);
        }
        if (kind != null) {
            String wanted = kind.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (java.util.Arrays.stream(MailKind.values()).noneMatch(k -> k.name().equals(wanted))) {
                return invalid("kind", "'" + kind + "' is not one of " + List.of(MailKind.values()));
            }
            criteria = criteria.and("kind").is(wanted);
        }
        if (status != null) {
            try {
                criteria = criteria.and("status").is(MailStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return invalid("status", "'" + status + "' is not one of " + List.of(MailStatus.values()));
            }
        }
        Query query = Query.query(criteria);
        long total = queue.count(query);
        query.with(Sort.by(Sort.Direction.DESC, "queuedAt")).skip((long) page * size).limit(size);
        List<Entry> entries = queue.find(query).stream().map(Entry::from).toList();
        // Mail queued between the count and the read is shown, so the count must not say less than the page holds.
        return ResponseEntity.ok(new EntryPage(entries, page, size, Math.max(total, (long) page * size + entries.size())));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable String id) {
        QueuedMail mail = queue.get(id);
        if (mail == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no notification with id '" + id + "'");
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        if (!queue.retry(id, clock.instant())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "notification " + id + " is " + mail.status() + "; only FAILED ones can be retried");
            problem.setTitle("Conflict");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().location(URI.create("/api/notifications?actionId=" + mail.actionId()))
                .body(Entry.from(queue.get(id)));
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setTitle("Invalid request");
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }
}
