package org.planwatch.plan.lead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.store.LeadStore;
import org.planwatch.problem.ConflictException;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Keeps each partnership's lead directory and turns the names its plans use into leads who can be emailed. A
 * partnership sees, resolves and changes only its own leads; another partnership's lead is answered as not found.
 */
@Service
public class LeadDirectory {

    private final LeadStore store;
    private final LeadReferences references;

    LeadDirectory(LeadStore store, LeadReferences references) {
        this.store = store;
        this.references = references;
    }

    /** What a user gives for a lead; the directory assigns the id. */
    public record LeadDetails(LeadKind kind, String name, String roleTitle, String organisation, String contactName,
                              String email, List<String> aliases) {

        Lead withId(String id) {
            return new Lead(id, kind, name, roleTitle, organisation, contactName, email, aliases);
        }
    }

    public Versioned<Lead> add(LeadDetails details, String partnership) {
        if (partnership == null || partnership.isBlank()) {
            throw new ForbiddenException("No partnership", "leads are kept in a partnership's directory, and the "
                    + "caller acts for none");
        }
        Lead lead = details.withId(UUID.randomUUID().toString());
        requireUniqueNames(lead, partnership);
        return store.insert(lead, partnership);
    }

    public Versioned<Lead> get(String id, String partnership) {
        return store.find(id, partnership).orElseThrow(() -> new NotFoundException("lead", id));
    }

    public List<Versioned<Lead>> list(String query, String partnership) {
        List<Versioned<Lead>> all = store.all(partnership);
        if (query == null || query.isBlank()) {
            return all;
        }
        String wanted = Lead.normalise(query);
        return all.stream().filter(v -> v.value().answersTo(query)
                || Lead.normalise(v.value().name()).contains(wanted)
                || (v.value().organisation() != null && Lead.normalise(v.value().organisation()).contains(wanted)))
                .toList();
    }

    public Versioned<Lead> update(String id, long expectedVersion, LeadDetails details, String partnership) {
        get(id, partnership).requireVersion(expectedVersion);
        Lead lead = details.withId(id);
        requireUniqueNames(lead, partnership);
        if (!store.replace(lead, expectedVersion)) {
            throw stale(id, expectedVersion, partnership);
        }
        return new Versioned<>(lead, expectedVersion + 1);
    }

    public void remove(String id, long expectedVersion, String partnership) {
        get(id, partnership).requireVersion(expectedVersion);
        if (references.anyActionLedBy(id)) {
            throw new ConflictException("lead " + id + " still leads actions; give them another lead first");
        }
        if (!store.delete(id, expectedVersion)) {
            throw stale(id, expectedVersion, partnership);
        }
    }

    /**
     * The lead a plan's words mean, by id, name, role title or alias. Words that fit more than one lead (two people
     * with the role title "Carers Lead") are refused rather than guessed.
     */
    public Optional<Lead> resolve(String idOrName, String partnership) {
        return resolve("lead", idOrName, partnership);
    }

    public Optional<Lead> resolve(String field, String idOrName, String partnership) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        Optional<Lead> byId = store.find(idOrName.strip(), partnership).map(Versioned::value);
        if (byId.isPresent()) {
            return byId;
        }
        List<Lead> matching = store.all(partnership).stream().map(Versioned::value).filter(l -> l.answersTo(idOrName)).toList();
        if (matching.size() > 1) {
            throw new InvalidFieldException(field, "'" + idOrName + "' could mean " + String.join(" or ",
                    matching.stream().map(l -> l.name() + " (" + l.id() + ")").toList()) + "; give the lead's id");
        }
        return matching.stream().findFirst();
    }

    /**
     * The ids of everyone an organisation's actions are led by: the organisation itself if it is in the directory,
     * and the people whose organisation it is.
     */
    public List<String> organisationIds(String organisation, String partnership) {
        String wanted = Lead.normalise(organisation);
        return store.all(partnership).stream().map(Versioned::value)
                .filter(l -> (l.kind() == LeadKind.ORGANISATION && l.answersTo(organisation))
                        || (l.organisation() != null && Lead.normalise(l.organisation()).equals(wanted)))
                .map(Lead::id).toList();
    }

    /**
     * Resolves every reference or refuses the request naming the first that matches no one: an action is never
     * stored with a lead nobody can email.
     */
    public List<Lead> resolveAll(String field, List<String> idsOrNames, String partnership) {
        if (idsOrNames == null) {
            return null;
        }
        Map<String, Lead> resolved = new LinkedHashMap<>();
        for (int i = 0; i < idsOrNames.size(); i++) {
            String ref = idsOrNames.get(i);
            String position = field + "[" + i + "]";
            Lead lead = resolve(position, ref, partnership).orElseThrow(() -> new InvalidFieldException(position,
                    ref == null || ref.isBlank() ? "must not be empty"
                            : "no lead in the directory has the id, name or alias '" + ref + "'"));
            resolved.putIfAbsent(lead.id(), lead);
        }
        return new ArrayList<>(resolved.values());
    }

    public Lead require(String id) {
        return store.find(id).map(Versioned::value).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /**
     * The leads an email address answers for in a partnership's directory: the person, and each organisation whose
     * contact it is.
     */
    public List<String> idsAnsweredBy(String email, String partnership) {
        if (email == null) {
            return List.of();
        }
        return store.all(partnership).stream().map(Versioned::value).filter(lead -> email.equalsIgnoreCase(lead.email()))
                .map(Lead::id).toList();
    }

    public Map<String, Lead> byIds(List<String> ids) {
        Map<String, Lead> leads = new LinkedHashMap<>();
        store.findAll(ids).forEach(l -> leads.put(l.id(), l));
        return leads;
    }

    private void requireUniqueNames(Lead lead, String partnership) {
        for (Versioned<Lead> other : store.all(partnership)) {
            Lead existing = other.value();
            if (existing.id().equals(lead.id())) {
                continue;
            }
            List<String> names = new ArrayList<>(lead.aliases());
            names.add(0, lead.name());
            for (String name : names) {
                if (existing.answersTo(name)) {
                    throw new InvalidFieldException(name.equals(lead.name()) ? "name" : "aliases",
                            "'" + name + "' already means lead " + existing.id() + " (" + existing.name() + ")");
                }
            }
        }
    }

    /** Leads whose name or email changed since their actions were last told of it. */
    public List<Versioned<Lead>> withActionsToTell() {
        return store.withActionsToTell();
    }

    public void actionsTold(String id, long version) {
        store.actionsTold(id, version);
    }

    private StaleVersionException stale(String id, long expected, String partnership) {
        return new StaleVersionException(expected, get(id, partnership));
    }

    /** Leads stored before directories were kept per partnership, to be placed in the partnership they serve. */
    public List<String> withoutPartnership() {
        return store.withoutPartnership();
    }

    public void placeInPartnership(String id, String partnership) {
        store.placeInPartnership(id, partnership);
    }
}
