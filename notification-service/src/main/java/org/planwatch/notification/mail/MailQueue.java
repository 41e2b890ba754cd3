package org.planwatch.notification.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The mail queue and sent ledger in MongoDB: one document per email, whatever its status. */
@Repository
public class MailQueue {

    static final String COLLECTION = "mail";
    private final MongoTemplate mongo;
    private final ObjectProvider<Tracer> tracer;

    MailQueue(MongoTemplate mongo, ObjectProvider<Tracer> tracer) {
        this.mongo = mongo;
        this.tracer = tracer;
    }

    /** Queues an email; false if this (event, kind, recipient) was queued before, which is not an error. */
    public boolean enqueue(QueuedMail mail) {
        try {
            mongo.insert(mail.withTraceId(currentTraceId()), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    private String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /**
     * The ids of up to {@code limit} emails due now, soonest first: candidates only, each still to be {@link #claim
     * claimed}. One search serves a whole batch, not one per email.
     */
    public List<String> dueIds(Instant now, int limit) {
        Query due = query(where("status").is(MailStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt", "_id")).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, COLLECTION).stream().map(found -> found.getString("_id")).toList();
    }

    /**
     * The email, now held by {@code sender}, if it is still due and no other sender holds it: its next attempt moves to
     * {@code until}, so no other sender sees it as due before then, and a sender killed while holding it lets it go at
     * that time.
     */
    public QueuedMail claim(String id, String sender, Instant now, Instant until) {
        Query stillDue = query(where("_id").is(id).and("status").is(MailStatus.PENDING).and("nextAttemptAt").lte(now));
        return mongo.findAndModify(stillDue, new Update().set("nextAttemptAt", until).set("claimedBy", sender),
                FindAndModifyOptions.options().returnNew(true), QueuedMail.class, COLLECTION);
    }

    /** Renews a sender's hold on an email until {@code until}; false if its hold ran out and another sender took it. */
    public boolean holdClaim(String id, String sender, Instant until) {
        return mongo.updateFirst(query(where("_id").is(id).and("status").is(MailStatus.PENDING).and("claimedBy")
                .is(sender)), new Update().set("nextAttemptAt", until), COLLECTION).getMatchedCount() == 1;
    }

    public void markSent(String id, Instant at) {
        mongo.updateFirst(query(where("_id").is(id).and("status").is(MailStatus.PENDING)),
                new Update().set("status", MailStatus.SENT).set("sentAt", at).inc("attempts", 1), COLLECTION);
    }

    public void markFailed(String id, String reason) {
        mongo.updateFirst(query(where("_id").is(id).and("status").is(MailStatus.PENDING)),
                new Update().set("status", MailStatus.FAILED).set("lastError", reason).inc("attempts", 1), COLLECTION);
    }

    public void postpone(String id, Instant nextAttempt, String reason) {
        mongo.updateFirst(query(where("_id").is(id).and("status").is(MailStatus.PENDING)),
                new Update().set("nextAttemptAt", nextAttempt).set("lastError", reason).inc("attempts", 1), COLLECTION);
    }

    /** Emails held for digests, oldest first. */
    public List<QueuedMail> heldForDigest() {
        return mongo.find(query(where("status").is(MailStatus.DIGEST)).with(Sort.by("queuedAt", "_id")),
                QueuedMail.class, COLLECTION);
    }

    public void markDigested(List<String> ids, String digestId) {
        mongo.updateMulti(query(where("_id").in(ids).and("status").is(MailStatus.DIGEST)),
                new Update().set("status", MailStatus.DIGESTED).set("lastError", "sent in " + digestId), COLLECTION);
    }

    public List<QueuedMail> find(Query query) {
        return mongo.find(query, QueuedMail.class, COLLECTION);
    }

    public long count(Query query) {
        return mongo.count(query, COLLECTION);
    }

    public QueuedMail get(String id) {
        return mongo.findById(id, QueuedMail.class, COLLECTION);
    }

    /** Puts a failed email back in the queue, now. */
    public boolean retry(String id, Instant now) {
        return mongo.updateFirst(query(where("_id").is(id).and("status").is(MailStatus.FAILED)),
                new Update().set("status", MailStatus.PENDING).set("nextAttemptAt", now), COLLECTION)
                .getModifiedCount() == 1;
    }
}
