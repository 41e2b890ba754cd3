package org.planwatch.plan.planimport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.planwatch.caller.Caller;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.ActionEdit;
import org.planwatch.plan.action.ActionField;
import org.planwatch.plan.action.ActionService;
import org.planwatch.plan.action.MeasureRef;
import org.planwatch.plan.action.Review;
import org.planwatch.plan.actionplan.Contact;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.plan.actionplan.Theme;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.plan.lead.LeadKind;
import org.planwatch.plan.measure.KnownMeasure;
import org.planwatch.plan.measure.KnownMeasures;
import org.planwatch.plan.measure.MeasureNames;
import org.planwatch.plan.planimport.file.PlanFiles;
import org.planwatch.plan.planimport.store.ImportJournal;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports a plan document: a dry run reads it and says what a commit would change, touching nothing; a commit
 * creates the plan, or updates the plan of the same title in place, action by action matched on reference, so an
 * unchanged row changes nothing and publishes nothing, and a moved date is a due-date change like any other.
 */
@Service
public class PlanImports {

    private final PlanService plans;
    private final ActionService actions;
    private final LeadDirectory leads;
    private final ImportJournal journal;
    private final KnownMeasures measures;
    private final Duration lease;

    PlanImports(PlanService plans, ActionService actions, LeadDirectory leads, ImportJournal journal,
                KnownMeasures measures, @Value("${planwatch.imports.lease:15s}") Duration lease) {
        this.plans = plans;
        this.actions = actions;
        this.leads = leads;
        this.journal = journal;
        this.measures = measures;
        this.lease = lease;
    }

    /**
     * A document to import. {@code planId} names the plan to update; without it the plan is the caller's
     * partnership's plan of the same title, or a new one. {@code owner} owns a new plan and stands in for leads the
     * document does not name.
     */
    public record ImportRequest(String fileName, byte[] content, String planId, String title, Contact owner) {
    }

    public ImportReport dryRun(ImportRequest request, Caller caller) {
        return run(request, caller, null);
    }

    /**
     * Refuses a document with errors as a whole: nothing is written unless every row can be stored. A commit is
     * journalled before its first write, so if it stops midway (the instance killed, the store gone) any instance
     * carries it through once its lease runs out: a plan is imported whole or, until then, not finished, never
     * left half-done.
     */
    public ImportReport commit(ImportRequest request, Caller caller) {
        List<ImportWarning> errors = dryRun(request, caller).warnings().stream().filter(ImportWarning::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new ImportRefusedException(errors);
        }
        Contact owner = request.owner();
        String commitId = journal.open(new ImportJournal.Commit(request.fileName(), request.content(),
                request.planId(), request.title(), owner == null ? null : owner.name(),
                owner == null ? null : owner.email(), caller.subject(), caller.email(),
                caller.roles().stream().map(Enum::name).collect(Collectors.toSet()), caller.partnership(),
                caller.organisation()), lease);
        return carryThrough(commitId, request, caller);
    }

    /** A journalled commit, done again from the start: what an earlier try wrote is found by reference and kept. */
    ImportReport carryThrough(String commitId, ImportRequest request, Caller caller) {
        ImportReport report;
        try {
            report = write(commitId, request, caller);
        } catch (ImportRefusedException | InvalidFieldException | NotFoundException noLongerFits) {
            journal.abandon(commitId, noLongerFits.getMessage());
            throw noLongerFits;
        } catch (RuntimeException stopped) {
            journal.stopped(commitId, String.valueOf(stopped.getMessage()));
            throw stopped;
        }
        journal.finish(commitId);
        return report;
    }

    /** One try at a commit's writes, named after the commit; the journal is the caller's to keep. */
    ImportReport write(String commitId, ImportRequest request, Caller caller) {
        return run(request, caller, commitId);
    }

    static ImportRequest request(ImportJournal.Commit commit) {
        Contact owner = commit.ownerName() == null && commit.ownerEmail() == null ? null
                : new Contact(commit.ownerName(), commit.ownerEmail());
        return new ImportRequest(commit.fileName(), commit.content(), commit.planId(), commit.title(), owner);
    }

    static Caller caller(ImportJournal.Commit commit) {
        return new Caller(commit.subject(), commit.email(), commit.roles().stream().map(Caller.Role::valueOf)
                .collect(Collectors.toSet()), commit.partnership(), commit.organisation());
    }

    /** What a commit creates is named after it, so that two tries at one commit can never create a thing twice. */
    private static String idFor(String commitId, String what) {
        return UUID.nameUUIDFromBytes((commitId + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Reads the document and, with a commit id, writes it; without one, only says what a commit would change. */
    private ImportReport run(ImportRequest request, Caller caller, String commitId) {
        boolean commit = commitId != null;
        PlanFile file;
        ParsedPlan parsed;
        try {
            file = PlanFiles.read(request.fileName(), request.content());
            parsed = PlanDocumentReader.read(title(request, file.rows()), file.rows(),
                    directoryNames(caller.partnership()));
        } catch (UnreadableTableException e) {
            throw new InvalidFieldException("file", e.getMessage());
        }
        List<ImportWarning> warnings = new ArrayList<>(file.warnings());
        warnings.addAll(parsed.warnings());
        Optional<Versioned<Plan>> existing = target(request, parsed.title(), caller);
        Map<String, Versioned<Action>> stored = existing.isEmpty() ? Map.of()
                : actions.inPlan(existing.get().value().id()).stream().filter(a -> a.value().reference() != null)
                .collect(Collectors.toMap(a -> a.value().reference(), Function.identity(), (a, b) -> a));
        Set<String> leadsKept = leadsKept(parsed, stored, caller.partnership());
        Map<String, String> leadIds = resolveLeads(parsed, leadsKept, request.owner(), caller.partnership(), warnings);
        boolean hasErrors = warnings.stream().anyMatch(ImportWarning::isError);
        if (commit && hasErrors) {
            throw new ImportRefusedException(warnings.stream().filter(ImportWarning::isError).toList());
        }
        List<String> newLeads = leadIds.values().stream().filter(id -> id.startsWith(NEW))
                .map(id -> id.substring(NEW.length())).toList();
        if (commit) {
            leadIds.replaceAll((key, id) -> id.startsWith(NEW) ? addLead(OWNER.equals(key) ? OWNER
                    : id.substring(NEW.length()), request.owner(), caller.partnership()) : id);
        }
        Plan plan = commit ? frame(existing, parsed, request.owner(), caller, idFor(commitId, "plan"))
                : preview(existing, parsed, request.owner(), caller);
        List<ImportReport.MeasureLink> measureLinks = new ArrayList<>();
        ImportReport.Changes changes = applyActions(plan, existing.isEmpty(), stored, leadsKept, parsed, leadIds,
                measures.of(caller.partnership()), measureLinks, file.name(), caller, commitId);
        var summary = new ImportReport.Summary(parsed.themes().size(),
                parsed.themes().stream().mapToInt(t -> t.outcomes().size()).sum(), (int) parsed.actions().count(),
                leadIds.size(), newLeads, (int) warnings.stream().filter(w -> !w.isError()).count(),
                (int) warnings.stream().filter(ImportWarning::isError).count());
        return new ImportReport(commit, file.name(), file.format(), commit || existing.isPresent() ? plan.id() : null,
                parsed.title(), summary, changes, parsed.themes(), warnings, measureLinks);
    }

    private static final String NEW = "new:";
    private static final String OWNER = "\u0000owner";

    /** Two spellings the directory takes for one lead ("Carers support", "carers support") are one lead. */
    private static String key(String leadName) {
        return Lead.normalise(leadName);
    }

    /**
     * The title given, or the one the document states above its table, or one made from the file's name
     * ("doncaster-carers-action-plan.tsv" is "Doncaster carers action plan"), so importing the same file again finds
     * its plan.
     */
    private static String title(ImportRequest request, List<SourceRow> rows) {
        if (request.title() != null && !request.title().isBlank()) {
            return request.title();
        }
        boolean statedAboveTable = !rows.isEmpty() && HeaderLayout.of(rows.get(0)).isEmpty()
                && rows.get(0).cells().stream().filter(c -> !c.isBlank()).count() == 1;
        if (statedAboveTable || request.fileName() == null || request.fileName().isBlank()) {
            return null;
        }
        String words = request.fileName().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[-_.]+", " ").strip();
        return words.isEmpty() ? null : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Optional<Versioned<Plan>> target(ImportRequest request, String title, Caller caller) {
        if (request.planId() != null && !request.planId().isBlank()) {
            return Optional.of(plans.get(request.planId(), caller));
        }
        return plans.findByTitle(title, caller);
    }

    private List<String> directoryNames(String partnership) {
        List<String> names = new ArrayList<>();
        for (Versioned<Lead> lead : leads.list(null, partnership)) {
            names.add(lead.value().name());
            if (lead.value().roleTitle() != null) {
                names.add(lead.value().roleTitle());
            }
            names.addAll(lead.value().aliases());
        }
        return names;
    }

    /** Every lead the document names, as an id in the directory or NEW plus the name when it is not there yet. */
    private Map<String, String> resolveLeads(ParsedPlan parsed, Set<String> leadsKept, Contact owner,
                                             String partnership, List<ImportWarning> warnings) {
        Map<String, String> ids = new LinkedHashMap<>();
        parsed.actions().filter(action -> !leadsKept.contains(action.reference())).forEach(action -> {
            for (ParsedPlan.Lead lead : action.leads()) {
                if (ids.containsKey(key(lead.name()))) {
                    continue;
                }
                try {
                    ids.put(key(lead.name()), leads.resolve(lead.name(), partnership).map(Lead::id)
                            .orElse(NEW + lead.name()));
                } catch (InvalidFieldException ambiguous) {
                    warnings.add(ImportWarning.error(action.place(), "lead", ambiguous.getMessage()));
                    ids.put(key(lead.name()), NEW + lead.name());
                }
            }
            if (action.leads().isEmpty() && !ids.containsKey(OWNER)) {
                ids.put(OWNER, leads.idsAnsweredBy(owner.email(), partnership).stream().findFirst()
                        .orElse(NEW + owner.name()));
            }
        });
        return ids;
    }

    private String addLead(String name, Contact owner, String partnership) {
        if (OWNER.equals(name)) {
            return leads.add(new LeadDirectory.LeadDetails(LeadKind.PERSON, owner.name(), null, null, null,
                    owner.email(), List.of()), partnership).value().id();
        }
        // Until an administrator confirms who answers for it, the plan's owner is told of its actions.
        return leads.add(new LeadDirectory.LeadDetails(LeadKind.ORGANISATION, name, null, null, owner.name(),
                owner.email(), List.of()), partnership).value().id();
    }

    private Plan frame(Optional<Versioned<Plan>> existing, ParsedPlan parsed, Contact owner, Caller caller,
                       String newPlanId) {
        List<PlanService.NewTheme> themes = newThemes(parsed);
        if (existing.isPresent()) {
            return plans.mergeFrame(existing.get().value().id(), themes).value();
        }
        return plans.create(new PlanService.NewPlan(parsed.title(), null, null, owner, themes), caller, newPlanId)
                .value();
    }

    /** The plan a commit would make, built in memory only. */
    private Plan preview(Optional<Versioned<Plan>> existing, ParsedPlan parsed, Contact owner, Caller caller) {
        Plan plan = existing.map(Versioned::value).orElseGet(() -> new Plan("(new)", parsed.title(),
                caller.partnership(), null, owner, List.of()));
        for (PlanService.NewTheme newTheme : newThemes(parsed)) {
            Theme theme = plan.themes().stream().filter(t -> t.name().equalsIgnoreCase(newTheme.name()))
                    .findFirst().orElseGet(() -> new Theme("(new) " + newTheme.name(), newTheme.name(), List.of()));
            plan = plan.withTheme(theme);
            for (PlanService.NewOutcome newOutcome : newTheme.outcomes()) {
                var outcome = PlanService.matchingOutcome(plan.theme(theme.id()).orElseThrow(), newOutcome)
                        .orElseGet(() -> new org.planwatch.plan.actionplan.Outcome("(new) " + newOutcome.reference()
                                + newOutcome.text(), newOutcome.reference(), newOutcome.text()));
                plan = plan.withOutcome(theme.id(), outcome);
            }
        }
        return plan;
    }

    private static List<PlanService.NewTheme> newThemes(ParsedPlan parsed) {
        return parsed.themes().stream().map(t -> new PlanService.NewTheme(t.name(), t.outcomes().stream()
                .map(o -> new PlanService.NewOutcome(o.reference(), o.text())).toList())).toList();
    }

    /**
     * The actions whose lead cell reads as it did at the last import: their leads stay as stored, whatever the
     * directory learnt meanwhile, so re-importing a document never re-splits its leads.
     */
    private Set<String> leadsKept(ParsedPlan parsed, Map<String, Versioned<Action>> stored, String partnership) {
        if (stored.isEmpty()) {
            return Set.of();
        }
        Map<String, String> names = new HashMap<>();
        leads.list(null, partnership).forEach(l -> names.put(l.value().id(), l.value().name()));
        return parsed.actions().filter(row -> stored.containsKey(row.reference()) && !row.leads().isEmpty()
                && sameWords(stored.get(row.reference()).value().leadIds(), names, row.leads()))
                .map(ParsedPlan.Action::reference).collect(Collectors.toSet());
    }

    private ImportReport.Changes applyActions(Plan plan, boolean newPlan, Map<String, Versioned<Action>> stored,
                                              Set<String> leadsKept, ParsedPlan parsed, Map<String, String> leadIds,
                                              List<KnownMeasure> known, List<ImportReport.MeasureLink> measureLinks,
                                              String fileName, Caller caller, String commitId) {
        boolean commit = commitId != null;
        int written = 0;
        List<ImportReport.ActionChange> created = new ArrayList<>();
        List<ImportReport.ActionChange> updated = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int unchanged = 0;
        for (ParsedPlan.Theme parsedTheme : parsed.themes()) {
            Theme theme = plan.themes().stream().filter(t -> t.name().equalsIgnoreCase(parsedTheme.name()))
                    .findFirst().orElseThrow();
            for (ParsedPlan.Outcome parsedOutcome : parsedTheme.outcomes()) {
                var outcome = PlanService.matchingOutcome(theme, new PlanService.NewOutcome(parsedOutcome.reference(),
                        parsedOutcome.text())).orElseThrow();
                for (ParsedPlan.Action row : parsedOutcome.actions()) {
                    seen.add(row.reference());
                    Versioned<Action> current = stored.get(row.reference());
                    List<String> ids = leadsKept.contains(row.reference()) ? current.value().leadIds()
                            : row.leads().isEmpty() ? List.of(leadIds.get(OWNER))
                            : row.leads().stream().map(l -> leadIds.get(key(l.name()))).distinct().toList();
                    ActionEdit edit = edit(theme.id(), outcome.id(), row, ids,
                            measureRefs(row, current, known, measureLinks));
                    var actor = new ActionService.Actor(caller.subject(), "imported from " + fileName + ", "
                            + row.place());
                    if (commit && ++written % 50 == 0) {
                        journal.renew(commitId, lease);
                    }
                    if (current == null) {
                        String id = commit ? actions.create(new ActionService.NewAction(plan.id(), theme.id(),
                                outcome.id(), row.reference(), row.text(), ids, edit.due(), edit.review(),
                                edit.measures(), edit.status(), edit.rag(), edit.deliversOutcomes()), actor, caller,
                                idFor(commitId, "action/" + row.reference())).value().id() : null;
                        created.add(new ImportReport.ActionChange(row.reference(), id, List.of(), row.place()));
                        continue;
                    }
                    var change = current.value().edit(edit);
                    if (!change.changedAnything()) {
                        unchanged++;
                        continue;
                    }
                    if (commit) {
                        actions.edit(current.value().id(), current.version(), edit, null, actor);
                    }
                    updated.add(new ImportReport.ActionChange(row.reference(), current.value().id(),
                            change.changed().stream().sorted().map(ActionField::jsonName).toList(), row.place()));
                }
            }
        }
        List<ImportReport.MissingAction> missing = stored.values().stream()
                .filter(a -> !seen.contains(a.value().reference()))
                .map(a -> new ImportReport.MissingAction(a.value().reference(), a.value().id(), a.value().text()))
                .toList();
        return new ImportReport.Changes(newPlan, created, updated, unchanged, missing);
    }

    private static boolean sameWords(List<String> storedIds, Map<String, String> names, List<ParsedPlan.Lead> read) {
        String stored = String.join(" ", storedIds.stream().map(id -> names.getOrDefault(id, id)).toList());
        String now = String.join(" ", read.stream().map(ParsedPlan.Lead::name).toList());
        return key(stored).equals(key(now));
    }

    /**
     * The row's measures: one an administrator linked keeps its link while its words stay the same; one that names
     * a known measure under the same name is linked to it; one under a similar name is only proposed.
     */
    private static List<MeasureRef> measureRefs(ParsedPlan.Action row, Versioned<Action> current,
                                                List<KnownMeasure> known, List<ImportReport.MeasureLink> links) {
        Map<String, String> linkedBefore = current == null ? Map.of() : current.value().measures().stream()
                .filter(MeasureRef::isLinked).collect(Collectors.toMap(MeasureRef::text, MeasureRef::measureId,
                        (a, b) -> a));
        List<MeasureRef> refs = new ArrayList<>();
        for (String text : row.measures()) {
            String kept = linkedBefore.get(text);
            if (kept != null) {
                refs.add(new MeasureRef(text, kept));
                continue;
            }
            Optional<MeasureNames.Match> match = MeasureNames.bestFor(text, known);
            boolean sameName = match.isPresent() && match.get().kind() == MeasureNames.Match.Kind.SAME_NAME;
            match.ifPresent(m -> links.add(new ImportReport.MeasureLink(row.reference(), row.place(), text,
                    m.measure().key(), m.measure().name(), m.kind().name(), sameName)));
            refs.add(sameName ? new MeasureRef(text, match.get().measure().key()) : MeasureRef.text(text));
        }
        return refs;
    }

    private static ActionEdit edit(String themeId, String outcomeId, ParsedPlan.Action row, List<String> leadIds,
                                   List<MeasureRef> measures) {
        return ActionEdit.builder().placement(themeId, outcomeId).reference(row.reference()).text(row.text())
                .leadIds(leadIds).due(row.due()).review(Review.from(row.cadence(), row.reviewDate(), row.due()))
                .measures(measures).status(row.status()).rag(row.rag())
                .deliversOutcomes(row.deliversOutcomes()).build();
    }
}
