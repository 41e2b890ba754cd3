package org.planwatch.plan.actionplan.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.concurrency.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** Plans in MongoDB, replaced only while their version is the one the change was based on. */
@Repository
public class PlanStore {

    static final String ACTIONS_TO_TELL = "actionsToTell";
    private final MongoTemplate mongo;

    PlanStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Versioned<Plan> insert(Plan plan) {
        mongo.insert(new PlanDocument(plan.id(), 1, plan));
        return new Versioned<>(plan, 1);
    }

    public Optional<Versioned<Plan>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PlanDocument.class)).map(d -> new Versioned<>(d.plan(), d.version()));
    }

    /** Returns false when the stored version is no longer {@code expectedVersion}. */
    public boolean replace(Plan plan, long expectedVersion) {
        Query current = query(where("_id").is(plan.id()).and("version").is(expectedVersion));
        Update update = new Update().set("plan", plan).set("version", expectedVersion + 1)
                .set(ACTIONS_TO_TELL, true);
        return mongo.updateFirst(current, update, PlanDocument.class).getMatchedCount() == 1;
    }

    /**
     * Plans changed since their actions were last told: the flag is set in the same write as the change, so a
     * crash before the actions are told leaves it set and they are told on the next run.
     */
    public List<Versioned<Plan>> withActionsToTell() {
        return mongo.find(query(where(ACTIONS_TO_TELL).is(true)), PlanDocument.class).stream()
                .map(d -> new Versioned<>(d.plan(), d.version())).toList();
    }

    /** Clears the flag, unless the plan changed again meanwhile (its actions are then told again). */
    public void actionsTold(String id, long version) {
        mongo.updateFirst(query(where("_id").is(id).and("version").is(version)), new Update().unset(ACTIONS_TO_TELL),
                PlanDocument.class);
    }

    public boolean delete(String id, long expectedVersion) {
        return mongo.remove(query(where("_id").is(id).and("version").is(expectedVersion)), PlanDocument.class)
                .getDeletedCount() == 1;
    }

    public Page<Versioned<Plan>> list(String partnership, Pageable pageable) {
        Query all = ofPartnership(partnership).with(pageable);
        List<Versioned<Plan>> page = mongo.find(all, PlanDocument.class).stream()
                .map(d -> new Versioned<>(d.plan(), d.version())).toList();
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(ofPartnership(partnership), PlanDocument.class));
    }

    /** The partnership's plan with this title, whatever the case; the oldest if several share it. */
    public Optional<Versioned<Plan>> findByTitle(String partnership, String title) {
        Query titled = ofPartnership(partnership).addCriteria(where("plan.title")
                .regex("^" + java.util.regex.Pattern.quote(title.strip()) + "$", "i"));
        return mongo.find(titled, PlanDocument.class).stream().findFirst()
                .map(d -> new Versioned<>(d.plan(), d.version()));
    }

    public List<String> idsOf(String partnership) {
        return mongo.findDistinct(ofPartnership(partnership), "_id", PlanDocument.class, String.class);
    }

    /** A partnership's plans, its name matched as people write it, whatever the case. */
    private static Query ofPartnership(String partnership) {
        return query(where("plan.partnership").regex("^" + java.util.regex.Pattern.quote(partnership.strip()) + "$", "i"));
    }
}
