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

    public Versioned<Lead> insert(Lead lead) {
        mongo.insert(new LeadDocument(lead.id(), 1, lead));
        return new Versioned<>(lead, 1);
    }

    public Optional<Versioned<Lead>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, LeadDocument.class)).map(d -> new Versioned<>(d.lead(), d.version()));
    }

    public List<Lead> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), LeadDocument.class).stream().map(LeadDocument::lead).toList();
    }

    /** The whole directory, by name: a partnership has hundreds of leads, not millions. */
    public List<Versioned<Lead>> all() {
        return mongo.find(new Query().with(Sort.by("lead.name")), LeadDocument.class).stream()
                .map(d -> new Versioned<>(d.lead(), d.version())).toList();
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
