package org.planwatch.measure.planaction.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.regex.Pattern;
import org.planwatch.measure.planaction.PlanAction;
import org.planwatch.mongo.copy.NewestCopy;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per action, replaced only by a copy of the same or a later version ({@link NewestCopy}). An event
 * of the same version still replaces (a plan's partnership or title changed around the action, at the action's unchanged version).
 */
@Repository
public class PlanActionStore {

    static final String COLLECTION = "planActions";
    private final MongoTemplate mongo;

    PlanActionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("planId", Sort.Direction.ASC));
    }

    public void keepUnlessOlder(PlanAction action) {
        NewestCopy.keep(mongo, COLLECTION, action.actionId(), "version", action.version(), new Update()
                .set("planId", action.planId()).set("partnership", action.partnership())
                .set("measureIds", List.copyOf(action.measureIds())).set("deleted", action.deleted()));
    }

    public List<PlanAction> ofPlan(String planId, String partnership) {
        Query query = Query.query(where("planId").is(planId).and("deleted").is(false));
        if (partnership != null) {
            query.addCriteria(where("partnership").regex("^" + Pattern.quote(partnership.strip()) + "$", "i"));
        }
        return mongo.find(query, Document.class, COLLECTION).stream().map(Document::action).toList();
    }

    record Document(String id, String planId, String partnership, List<String> measureIds, long version,
                    boolean deleted) {

        PlanAction action() {
            return new PlanAction(id, planId, partnership, measureIds == null ? null : java.util.Set.copyOf(measureIds),
                    version, deleted);
        }
    }
}
