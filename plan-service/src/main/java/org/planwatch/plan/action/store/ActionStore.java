package org.planwatch.plan.action.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.HistoryEntry;
import org.planwatch.plan.action.RagSource;
import org.planwatch.plan.action.RagSuggestion;
import org.planwatch.plan.action.Rag;
import org.planwatch.plan.actionplan.PlanContents;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.LeadReferences;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** Actions in MongoDB, changed only by conditional single-document updates on their version. */
@Repository
public class ActionStore implements PlanContents, LeadReferences {

    private final MongoTemplate mongo;
    private final Clock clock;

    ActionStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Versioned<Action> insert(Action action, List<HistoryEntry> history, List<OutboxEvent> events) {
        mongo.insert(new ActionDocument(action.id(), 1, false, clock.instant(), action, history, events));
        return new Versioned<>(action, 1);
    }

    public Optional<Versioned<Action>> find(String id) {
        Query live = query(where("_id").is(id).and("deleted").is(false));
        live.fields().exclude("history").exclude("outbox");
        return Optional.ofNullable(mongo.findOne(live, ActionDocument.class))
                .map(d -> new Versioned<>(d.action(), d.version()));
    }

    /**
     * Stores the new state, appends its history and its events, all in one update that only applies while the
     * stored version is still {@code expectedVersion}. Returns false when someone else got there first.
     */
    public boolean update(Action after, long expectedVersion, List<HistoryEntry> history, List<OutboxEvent> events) {
        return change(after.id(), expectedVersion, new Update().set("action", after), history, events);
    }

    /**
     * Adds events to an action's outbox without changing it, while it is still at {@code version}: for news about
     * its surroundings. Returns false if it changed or went meanwhile (its own newer events then carry the news).
     */
    public boolean appendEvents(String id, long version, List<OutboxEvent> events) {
        Query current = query(where("_id").is(id).and("version").is(version).and("deleted").is(false));
        return mongo.updateFirst(current, new Update().push("outbox").each(events.toArray()), ActionDocument.class)
                .getMatchedCount() == 1;
    }

    /** The ids of the live actions a lead leads. */
    public List<String> idsLedBy(String leadId) {
        Query led = query(where("deleted").is(false).and("action.leadIds").is(leadId));
        led.fields().include("_id");
        return mongo.find(led, org.bson.Document.class, ActionDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    /** Marks an action deleted; it stays until its last events are published, and out of every list. */
    public boolean markDeleted(String id, long expectedVersion, List<HistoryEntry> history, List<OutboxEvent> events) {
        return change(id, expectedVersion, new Update().set("deleted", true), history, events);
    }

    private boolean change(String id, long expectedVersion, Update update, List<HistoryEntry> history,
                           List<OutboxEvent> events) {
        update.set("version", expectedVersion + 1).set("updatedAt", clock.instant());
        if (!history.isEmpty()) {
            update.push("history").each(history.toArray());
        }
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        Query current = query(where("_id").is(id).and("version").is(expectedVersion).and("deleted").is(false));
        return mongo.updateFirst(current, update, ActionDocument.class).getMatchedCount() == 1;
    }

    public List<HistoryEntry> history(String id) {
        Query byId = query(where("_id").is(id));
        byId.fields().include("history");
        org.bson.Document document = mongo.findOne(byId, org.bson.Document.class, ActionDocument.COLLECTION);
        if (document == null || document.getList("history", org.bson.Document.class) == null) {
            return List.of();
        }
        return document.getList("history", org.bson.Document.class).stream()
                .map(line -> mongo.getConverter().read(HistoryEntry.class, line)).toList();
    }

    /** Where an action's RAG rating comes from; people, unless an administrator chose the linked measures. */
    public RagSource ragSource(String id) {
        org.bson.Document stored = mongo.findOne(query(where("_id").is(id).and("deleted").is(false)),
                org.bson.Document.class, ActionDocument.COLLECTION);
        if (stored == null || stored.get("ragSource") == null) {
            return RagSource.BY_PEOPLE;
        }
        org.bson.Document source = stored.get("ragSource", org.bson.Document.class);
        org.bson.Document suggestion = source.get("suggestion", org.bson.Document.class);
        return new RagSource(Boolean.TRUE.equals(source.getBoolean("automatic")),
                suggestion == null ? null : mongo.getConverter().read(RagSuggestion.class, suggestion));
    }

    public boolean setRagAutomatic(String id, boolean automatic) {
        return mongo.updateFirst(query(where("_id").is(id).and("deleted").is(false)),
                new Update().set("ragSource.automatic", automatic), ActionDocument.COLLECTION).getMatchedCount() == 1;
    }

    /**
     * Keeps a measure's suggestion for an action unless a later judgement's suggestion is held already (status
     * events may be delivered again, or late); false when this one is older than what is held.
     */
    public boolean suggestRag(String id, RagSuggestion suggestion) {
        Query notNewer = query(where("_id").is(id).and("deleted").is(false).orOperator(
                where("ragSource.suggestion.judgedAt").exists(false),
                where("ragSource.suggestion.judgedAt").lte(suggestion.judgedAt())));
        return mongo.updateFirst(notNewer, new Update().set("ragSource.suggestion", suggestion),
                ActionDocument.COLLECTION).getMatchedCount() == 1;
    }

    /** Actions in these plans that report on a measure, by their link to it or named by measure-service. */
    public List<String> idsReportingOn(String measureKey, Collection<String> planIds, Collection<String> named) {
        Query linked = query(where("deleted").is(false).and("action.planId").in(planIds).orOperator(
                where("action.measures.measureId").is(measureKey), where("_id").in(named)));
        linked.fields().include("_id");
        return mongo.find(linked, org.bson.Document.class, ActionDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    public List<Versioned<Action>> inPlan(String planId) {
        return search(new ActionSearch(planId, null, null, null, null, null, null, null, null, null, null, null),
                Pageable.unpaged(Sort.by("action.reference"))).getContent();
    }

    @Override
    public boolean anyActionLedBy(String leadId) {
        return mongo.exists(query(where("deleted").is(false).and("action.leadIds").is(leadId)), ActionDocument.class);
    }

    /** The plan of any action, deleted or not, that names the lead. */
    public Optional<String> planOfAnActionLedBy(String leadId) {
        Query led = query(where("action.leadIds").is(leadId));
        led.fields().include("action.planId");
        return Optional.ofNullable(mongo.findOne(led, Document.class, ActionDocument.COLLECTION))
                .map(found -> found.get("action", Document.class).getString("planId"));
    }

    @Override
    public boolean anyActionUnder(String planId, String themeId, String outcomeId) {
        Criteria criteria = where("deleted").is(false).and("action.planId").is(planId).and("action.themeId").is(themeId);
        if (outcomeId != null) {
            criteria = criteria.and("action.outcomeId").is(outcomeId);
        }
        return mongo.exists(query(criteria), ActionDocument.class);
    }

    public Page<Versioned<Action>> search(ActionSearch search, Pageable pageable) {
        Query query = query(criteria(search));
        query.fields().exclude("history").exclude("outbox");
        long total = mongo.count(Query.of(query).limit(-1).skip(-1), ActionDocument.class);
        query.with(pageable);
        List<Versioned<Action>> page = mongo.find(query, ActionDocument.class).stream()
                .map(d -> new Versioned<>(d.action(), d.version())).toList();
        return PageableExecutionUtils.getPage(page, pageable, () -> total);
    }

    private Criteria criteria(ActionSearch s) {
        LocalDate today = LocalDate.now(clock);
        List<Criteria> all = new ArrayList<>();
        all.add(where("deleted").is(false));
        if (s.inPlans() != null) {
            all.add(where("action.planId").in(s.inPlans()));
        }
        if (s.planId() != null) {
            all.add(where("action.planId").is(s.planId()));
        }
        if (s.themeId() != null) {
            all.add(where("action.themeId").is(s.themeId()));
        }
        if (s.outcomeId() != null) {
            all.add(where("action.outcomeId").is(s.outcomeId()));
        }
        if (s.leadIds() != null) {
            all.add(where("action.leadIds").in(s.leadIds()));
        }
        if (s.rag() != null) {
            all.add(where("action.rag").is(s.rag()));
        }
        if (s.dueBefore() != null) {
            all.add(where("action.due.date").lt(s.dueBefore()));
        }
        if (s.dueAfter() != null) {
            all.add(where("action.due.date").gt(s.dueAfter()));
        }
        if (Boolean.TRUE.equals(s.overdue())) {
            all.add(where("action.due.date").lt(today));
            all.add(where("action.rag").ne(Rag.COMPLETE));
        }
        if (s.dueWithinDays() != null) {
            all.add(where("action.due.date").gte(today).lte(today.plusDays(s.dueWithinDays())));
            all.add(where("action.rag").ne(Rag.COMPLETE));
        }
        if (Boolean.TRUE.equals(s.reviewDue())) {
            all.add(where("action.review.nextReview").lte(today));
            all.add(where("action.rag").ne(Rag.COMPLETE));
        }
        if (s.text() != null && !s.text().isBlank()) {
            all.add(where("action.text").regex(Pattern.compile(Pattern.quote(s.text().strip()),
                    Pattern.CASE_INSENSITIVE)));
        }
        return new Criteria().andOperator(all);
    }
}
