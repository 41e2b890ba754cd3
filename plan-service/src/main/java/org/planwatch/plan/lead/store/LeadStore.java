package org.planwatch.plan.lead.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The lead directory in MongoDB. */
@Repository
public class LeadStore {

    static final String ACTIONS_TO_TELL = "actionsToTell";
    private final MongoTemplate mongo;

    LeadStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static final String PARTNERSHIP = "partnership";

    public Versioned<Lead> insert(Lead lead, String partnership) {
        mongo.insert(new LeadDocument(lead.id(), 1, lead, partnership));
        return new Versioned<>(lead, 1);
    }

    /** Any partnership's lead: for the actions that already name it. */
    public Optional<Versioned<Lead>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, LeadDocument.class)).map(d -> new Versioned<>(d.lead(), d.version()));
    }

    /** The lead, if it is in {@code partnership}'s directory. */
    public Optional<Versioned<Lead>> find(String id, String partnership) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(id).and(PARTNERSHIP).is(partnership)),
                LeadDocument.class)).map(d -> new Versioned<>(d.lead(), d.version()));
    }

    public List<Lead> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), LeadDocument.class).stream().map(LeadDocument::lead).toList();
    }

    /** A partnership's whole directory, by name: a partnership has hundreds of leads, not millions. */
    public List<Versioned<Lead>> all(String partnership) {
        return mongo.find(query(where(PARTNERSHIP).is(partnership)).with(Sort.by("lead.name")), LeadDocument.class)
                .stream().map(d -> new Versioned<>(d.lead(), d.version())).toList();
    }

    /** Leads stored before directories were kept per partnership. */
    public List<String> withoutPartnership() {
        Query unscoped = query(where(PARTNERSHIP).is(null));
        unscoped.fields().include("_id");
        return mongo.find(unscoped, org.bson.Document.class, mongo.getCollectionName(LeadDocument.class)).stream()
                .map(found -> found.getString("_id")).toList();
    }

    public void placeInPartnership(String id, String partnership) {
        mongo.updateFirst(query(where("_id").is(id).and(PARTNERSHIP).is(null)), new Update().set(PARTNERSHIP, partnership),
                LeadDocument.class);
    }

    public boolean replace(Lead lead, long expectedVersion) {
        Query current = query(where("_id").is(lead.id()).and("version").is(expectedVersion));
        return mongo.updateFirst(current, new Update().set("lead", lead).set("version", expectedVersion + 1)
                .set(ACTIONS_TO_TELL, true), LeadDocument.class).getMatchedCount() == 1;
    }

    /** Leads changed since the actions they lead were last told; set in the same write as the change. */
    public List<Versioned<Lead>> withActionsToTell() {
        return mongo.find(query(where(ACTIONS_TO_TELL).is(true)), LeadDocument.class).stream()
                .map(d -> new Versioned<>(d.lead(), d.version())).toList();
    }

    /** Clears the flag, unless the lead changed again meanwhile. */
    public void actionsTold(String id, long version) {
        mongo.updateFirst(query(where("_id").is(id).and("version").is(version)), new Update().unset(ACTIONS_TO_TELL),
                LeadDocument.class);
    }

    public boolean delete(String id, long expectedVersion) {
        return mongo.remove(query(where("_id").is(id).and("version").is(expectedVersion)), LeadDocument.class)
                .getDeletedCount() == 1;
    }
}
