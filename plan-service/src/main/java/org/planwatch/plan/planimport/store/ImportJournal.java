package org.planwatch.plan.planimport.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Every import commit is written here, document and all, before it touches a plan, and marked finished after its
 * last row. A commit that does not finish (its instance killed, the store gone midway) is claimed again once its
 * short lease runs out and carried through by any instance, so a plan is never left half-imported.
 */
@Repository
public class ImportJournal {

    static final String COLLECTION = "imports";
    private final String instance = UUID.randomUUID().toString();
    private final MongoTemplate mongo;
    private final Clock clock;

    ImportJournal(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A commit as asked: the document, what it was asked to do, and who asked. */
    public record Commit(String fileName, byte[] content, String planId, String title, String ownerName,
                         String ownerEmail, String subject, String email, Set<String> roles, String partnership,
                         String organisation) {
    }

    /** One commit's entry: {@code attempts} counts the tries to carry it through, this one included. */
    public record Entry(String id, Commit commit, int attempts) {
    }

    @Document(COLLECTION)
    record ImportDocument(@Id String id, Commit commit, String state, int attempts, Instant claimedUntil,
                          String claimedBy, String lastError, Instant openedAt, Instant finishedAt) {
    }

    /** Opens a commit held by this instance for {@code lease}; returns its id, which also names what it creates. */
    public String open(Commit commit, Duration lease) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        mongo.insert(new ImportDocument(id, commit, "APPLYING", 1, now.plus(lease), instance, null, now, null));
        return id;
    }

    /** Keeps holding a commit that is still being carried through. */
    public void renew(String id, Duration lease) {
        mongo.updateFirst(query(where("_id").is(id).and("claimedBy").is(instance)),
                new Update().set("claimedUntil", clock.instant().plus(lease)), ImportDocument.class);
    }

    public void finish(String id) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("state", "DONE")
                .set("finishedAt", clock.instant()).unset("claimedUntil").unset("commit.content"), ImportDocument.class);
    }

    /** A commit that can never be carried through (the plan changed so that the document no longer fits). */
    public void abandon(String id, String reason) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("state", "ABANDONED")
                .set("lastError", reason).set("finishedAt", clock.instant()).unset("claimedUntil"), ImportDocument.class);
    }

    /** Lets another try come after the lease, saying why this one stopped. */
    public void stopped(String id, String reason) {
        mongo.updateFirst(query(where("_id").is(id).and("claimedBy").is(instance)),
                new Update().set("lastError", reason), ImportDocument.class);
    }

    /** A commit left unfinished whose lease ran out, now held by this instance. */
    public Optional<Entry> claimUnfinished(Duration lease) {
        Instant now = clock.instant();
        Query unfinished = query(where("state").is("APPLYING").and("claimedUntil").lt(now));
        Update claim = new Update().set("claimedBy", instance).set("claimedUntil", now.plus(lease)).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(unfinished, claim, FindAndModifyOptions.options().returnNew(true),
                ImportDocument.class)).map(d -> new Entry(d.id(), d.commit(), d.attempts()));
    }

    public Optional<String> state(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportDocument.class)).map(ImportDocument::state);
    }
}
