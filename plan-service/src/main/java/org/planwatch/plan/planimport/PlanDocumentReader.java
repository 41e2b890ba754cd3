package org.planwatch.plan.planimport;

import static org.planwatch.plan.planimport.ImportWarning.error;
import static org.planwatch.plan.planimport.ImportWarning.warning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.MeasureRef;
import org.planwatch.plan.action.Rag;
import org.planwatch.plan.lead.Lead;
import org.planwatch.problem.InvalidFieldException;

/**
 * Reads a plan's table, row by row, the way a person reads the document: a header names the columns (repeated after
 * each page break); an upper-case row with no reference is a theme; a numbered row starts an outcome and its first
 * action; a row with no number but its own action, lead and due date is another action under the outcome above; any
 * other row continues the row before it across a page break. Every guess is a warning at its source line.
 */
public final class PlanDocumentReader {

    private static final Pattern REFERENCE = Pattern.compile("^([A-Za-z]?\\d{1,3}(?:\\.\\d{1,3})*[a-z]?)\\.?$");
    private static final Pattern NUMBERED = Pattern.compile("^([A-Za-z]?\\d{1,3}(?:\\.\\d{1,3})*)[.)]?\\s+(\\S.*)$",
            Pattern.DOTALL);
    private static final Pattern THEME_HEADING = Pattern.compile(
            "(?i)^(?:theme|priority|strategic priority|section|outcome area)\\s*[0-9]*\\s*[:.\\u2013-]\\s*(\\S.*)$");
    private static final Pattern TIMESCALE_IN_LEAD = Pattern.compile(
            "(?i)\\b(?:target dates?|due dates?|due by|timescales?|deadline|by when)\\s*:?");
    private static final Pattern FORMULA = Pattern.compile("^[=+@\\t\\r]|^-[^\\s\\d]");
    private static final Pattern RAG_WORDS = Pattern.compile(
            "(?i)^(red|amber|green|blue|complete|completed|not started|on track|achieved)\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private final List<SourceRow> rows;
    private final Set<String> directoryNames = new HashSet<>();
    private final Collection<String> directory;
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final List<ThemeDraft> themes = new ArrayList<>();
    private final Set<String> planWords = new HashSet<>();
    private HeaderLayout layout;
    private String title;
    private ThemeDraft theme;
    private OutcomeDraft outcome;
    private ActionDraft action;
    private String pendingOutcomeText;
    private String pendingOutcomePlace;

    private PlanDocumentReader(List<SourceRow> rows, Collection<String> directory) {
        this.rows = rows;
        this.directory = directory;
        directory.forEach(name -> directoryNames.add(Lead.normalise(name)));
    }

    /**
     * @param title     the plan's title, or null to take it from a title line above the header
     * @param directory the names, role titles and aliases of the leads already in the directory
     * @throws UnreadableTableException when no header row names the plan's columns
     */
    public static ParsedPlan read(String title, List<SourceRow> rows, Collection<String> directory) {
        return new PlanDocumentReader(rows, directory).read(title);
    }

    private ParsedPlan read(String givenTitle) {
        int start = findHeader();
        title = givenTitle != null && !givenTitle.isBlank() ? givenTitle.strip() : title;
        if (title == null) {
            title = "Imported plan";
        }
        // Words as running text spells them: a heading's broken capitals ("IDEI") are not words of the plan.
        rows.forEach(row -> row.cells().forEach(cell -> WORD.matcher(cell).results().map(MatchResult::group)
                .filter(w -> !w.equals(w.toUpperCase(Locale.ROOT)))
                .forEach(w -> planWords.add(w.toLowerCase(Locale.ROOT)))));
        layout.unrecognised().forEach((index, header) -> warnings.add(warning(rows.get(start).place(), header,
                "column '" + header + "' is not one planwatch knows: its text is kept in each action's status")));
        for (SourceRow row : rows.subList(start + 1, rows.size())) {
            readRow(row);
        }
        flushPendingOutcome();
        return finish();
    }

    private int findHeader() {
        for (int i = 0; i < rows.size(); i++) {
            Optional<HeaderLayout> header = HeaderLayout.of(rows.get(i));
            if (header.isPresent()) {
                layout = header.get();
                return i;
            }
            List<String> written = rows.get(i).cells().stream().map(CellText::plain).filter(s -> !s.isBlank()).toList();
            if (written.size() == 1 && title == null) {
                title = written.get(0);
            } else if (!written.isEmpty()) {
                warnings.add(warning(rows.get(i).place(), null, "above the header, not read: " + String.join(" | ", written)));
            }
        }
        throw new UnreadableTableException("no header row: planwatch looks for a row naming an action (or outcome) "
                + "column and at least two of reference, theme, lead, due date, measure and status, such as "
                + "'No | Outcome | Action | Lead | Due Date | Measure | Status / RAG'");
    }

    private void readRow(SourceRow row) {
        List<String> plain = row.cells().stream().map(CellText::plain).toList();
        if (plain.stream().allMatch(String::isBlank) || layout.isRepeatedBy(row)) {
            return;
        }
        for (int i = 0; i < row.cells().size(); i++) {
            if (FORMULA.matcher(row.cell(i).strip()).find()) {
                warnings.add(warning(row.place(), column(i), "starts with '" + row.cell(i).strip().charAt(0)
                        + "': kept as plain text, never run as a spreadsheet formula"));
            }
        }
        String reference = CellText.plain(layout.cell(row, Column.REFERENCE));
        String outcomeText = CellText.plain(layout.cell(row, Column.OUTCOME));
        if (!reference.isEmpty() && !REFERENCE.matcher(reference).matches()) {
            Matcher numbered = NUMBERED.matcher(reference);
            if (numbered.matches()) {
                reference = numbered.group(1);
                outcomeText = join(numbered.group(2), outcomeText);
            }
        }
        if (reference.isEmpty() && !layout.has(Column.REFERENCE)) {
            Matcher numbered = NUMBERED.matcher(outcomeText);
            if (numbered.matches()) {
                reference = numbered.group(1);
                outcomeText = numbered.group(2);
            }
        }
        String themeCell = CellText.plain(layout.cell(row, Column.THEME));
        if (!themeCell.isEmpty() && (theme == null || !theme.name.equalsIgnoreCase(themeCell))) {
            startTheme(themeCell, row.place());
        }
        if (reference.isEmpty() && isThemeRow(row, plain)) {
            return;
        }
        Cells cells = cells(row);
        boolean ownAction = !cells.action.isEmpty()
                && (layout.has(Column.DUE) || cells.due.length() > 0 ? !cells.due.isEmpty() : !cells.lead.isEmpty());
        if (!reference.isEmpty()) {
            String ref = reference.replaceAll("\\.$", "");
            if (outcome == null || !ref.equals(outcome.reference)) {
                startOutcome(ref, outcomeText, row.place());
            } else {
                outcome.append(outcomeText);
            }
            action = cells.any() ? startAction(row, cells) : null;
        } else if (ownAction || action == null) {
            flushPendingOutcome();
            if (outcome == null || (action == null && !outcomeText.isEmpty() && !outcome.actions.isEmpty())) {
                startOutcome(null, outcomeText, row.place());
                warnings.add(warning(row.place(), layout.header(Column.OUTCOME), "an outcome with no number"));
            } else {
                outcome.append(outcomeText);
            }
            if (cells.any()) {
                action = startAction(row, cells);
                if (!ownAction) {
                    warnings.add(warning(row.place(), layout.header(Column.DUE),
                            "read as an action of its own although it has no due date"));
                }
            }
        } else {
            if (!outcomeText.isEmpty()) {
                pendingOutcomeText = join(pendingOutcomeText, outcomeText);
                pendingOutcomePlace = pendingOutcomePlace == null ? row.place() : pendingOutcomePlace;
            }
            action.continueWith(cells);
        }
    }

    private boolean isThemeRow(SourceRow row, List<String> plain) {
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            if (!plain.get(i).isBlank()) {
                if (Integer.valueOf(i).equals(layout.columns().get(Column.DUE))) {
                    return false;
                }
                fragments.add(plain.get(i));
            }
        }
        String joined = String.join("", fragments);
        Matcher heading = THEME_HEADING.matcher(fragments.size() == 1 ? fragments.get(0) : "");
        boolean shouting = fragments.size() <= 4 && joined.chars().filter(Character::isLetter).count() >= 5
                && joined.chars().noneMatch(Character::isLowerCase) && joined.chars().noneMatch(Character::isDigit);
        if (!shouting && !heading.matches()) {
            return false;
        }
        if (heading.matches()) {
            startTheme(heading.group(1).strip(), row.place());
            return true;
        }
        ThemeName name = ThemeName.join(fragments, planWords);
        startTheme(name.name(), row.place());
        if (fragments.size() > 1 || name.repaired()) {
            warnings.add(warning(row.place(), null, "theme heading put together from " + String.join(" + ",
                    fragments.stream().map(f -> "'" + f + "'").toList()) + " as '" + name.name() + "'"));
        }
        return true;
    }

    private record Cells(String action, String lead, String due, CellText measures, String status,
                         CellText delivers, String extra) {
        boolean any() {
            return !(action.isEmpty() && lead.isEmpty() && due.isEmpty() && measures.isBlank() && status.isEmpty());
        }
    }

    private Cells cells(SourceRow row) {
        String lead = CellText.of(layout.cell(row, Column.LEAD)).text();
        String due = CellText.plain(layout.cell(row, Column.DUE));
        Matcher timescale = TIMESCALE_IN_LEAD.matcher(lead);
        if (timescale.find()) {
            due = join(due, lead.substring(timescale.end()).strip());
            lead = lead.substring(0, timescale.start()).strip();
        }
        String status = join(CellText.plain(layout.cell(row, Column.STATUS)), CellText.plain(layout.cell(row, Column.RAG)));
        StringBuilder extra = new StringBuilder();
        layout.unrecognised().forEach((index, header) -> {
            String value = CellText.plain(row.cell(index));
            if (!value.isEmpty()) {
                extra.append(extra.isEmpty() ? "" : "; ").append(header).append(": ").append(value);
            }
        });
        return new Cells(CellText.plain(layout.cell(row, Column.ACTION)), lead, due,
                CellText.of(layout.cell(row, Column.MEASURE)), status, CellText.of(layout.cell(row, Column.DELIVERS)),
                extra.toString());
    }

    private void startTheme(String name, String place) {
        flushPendingOutcome();
        theme = new ThemeDraft(name, place);
        themes.add(theme);
        outcome = null;
        action = null;
    }

    private void startOutcome(String reference, String text, String place) {
        if (theme == null) {
            theme = new ThemeDraft(title, place);
            themes.add(theme);
            warnings.add(warning(place, null, "no theme heading before this outcome: it is under a theme named after "
                    + "the plan, '" + title + "'"));
        }
        if (text.isEmpty() && pendingOutcomeText != null) {
            text = pendingOutcomeText;
            warnings.add(warning(pendingOutcomePlace, layout.header(Column.OUTCOME), "outcome " + reference
                    + "'s words stand on the row above its number (" + pendingOutcomePlace + "): taken from there"));
            pendingOutcomeText = null;
            pendingOutcomePlace = null;
        } else {
            flushPendingOutcome();
        }
        outcome = new OutcomeDraft(reference, text, place);
        theme.outcomes.add(outcome);
        action = null;
    }

    private void flushPendingOutcome() {
        if (pendingOutcomeText != null && outcome != null) {
            outcome.append(pendingOutcomeText);
        }
        pendingOutcomeText = null;
        pendingOutcomePlace = null;
    }

    private ActionDraft startAction(SourceRow row, Cells cells) {
        ActionDraft draft = new ActionDraft(row.place());
        draft.continueWith(cells);
        outcome.actions.add(draft);
        return draft;
    }

    private ParsedPlan finish() {
        Collection<String> leadCells = themes.stream().flatMap(t -> t.outcomes.stream())
                .flatMap(o -> o.actions.stream()).flatMap(a -> a.leads.stream()).toList();
        LeadSplitter splitter = new LeadSplitter(directory, leadCells);
        List<ParsedPlan.Action> all = new ArrayList<>();
        List<ParsedPlan.Theme> parsedThemes = new ArrayList<>();
        for (ThemeDraft t : themes) {
            List<ParsedPlan.Outcome> outcomes = new ArrayList<>();
            for (int o = 0; o < t.outcomes.size(); o++) {
                OutcomeDraft draft = t.outcomes.get(o);
                String outcomeText = draft.text.toString().replaceAll("\\s+", " ").strip();
                if (outcomeText.isEmpty()) {
                    outcomeText = draft.reference == null ? "(no words given)" : "Outcome " + draft.reference;
                    warnings.add(warning(draft.place, layout.header(Column.OUTCOME), "the outcome has no words: "
                            + "called '" + outcomeText + "' until someone writes them"));
                }
                String outcomeRef = draft.reference != null ? draft.reference
                        : (parsedThemes.size() + 1) + "-" + (o + 1);
                List<ParsedPlan.Action> actions = new ArrayList<>();
                for (int a = 0; a < draft.actions.size(); a++) {
                    ParsedPlan.Action parsed = draft.actions.get(a).finish(outcomeRef + "." + (a + 1), outcomeText,
                            splitter);
                    actions.add(parsed);
                    all.add(parsed);
                }
                outcomes.add(new ParsedPlan.Outcome(draft.reference, outcomeText, draft.place, actions));
            }
            parsedThemes.add(new ParsedPlan.Theme(t.name, t.place, outcomes));
        }
        return new ParsedPlan(title, applyMergedValues(parsedThemes, all), warnings);
    }

    /** A national-outcomes column filled in only on the first action is a merged cell: it is every action's. */
    private List<ParsedPlan.Theme> applyMergedValues(List<ParsedPlan.Theme> parsed, List<ParsedPlan.Action> all) {
        if (all.size() < 2 || all.get(0).deliversOutcomes().isEmpty()
                || all.stream().skip(1).anyMatch(a -> !a.deliversOutcomes().isEmpty())) {
            return parsed;
        }
        List<String> shared = all.get(0).deliversOutcomes();
        warnings.add(warning(all.get(0).place(), layout.header(Column.DELIVERS), "given once, on the first action "
                + "only (a merged cell): applied to all " + all.size() + " actions"));
        return parsed.stream().map(t -> new ParsedPlan.Theme(t.name(), t.place(), t.outcomes().stream()
                .map(o -> new ParsedPlan.Outcome(o.reference(), o.text(), o.place(), o.actions().stream()
                        .map(a -> new ParsedPlan.Action(a.reference(), a.text(), a.leads(), a.due(), a.cadence(),
                                a.reviewDate(), a.measures(), a.status(), a.rag(), shared, a.place())).toList()))
                .toList())).toList();
    }

    private String column(int index) {
        return index < layout.headers().size() ? layout.headers().get(index) : "column " + (index + 1);
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second == null ? "" : second;
        }
        return second == null || second.isBlank() ? first : first + " " + second;
    }

    private static final class ThemeDraft {
        final String name;
        final String place;
        final List<OutcomeDraft> outcomes = new ArrayList<>();

        ThemeDraft(String name, String place) {
            this.name = name;
            this.place = place;
        }
    }

    private static final class OutcomeDraft {
        final String reference;
        final StringBuilder text;
        final String place;
        final List<ActionDraft> actions = new ArrayList<>();

        OutcomeDraft(String reference, String text, String place) {
            this.reference = reference;
            this.text = new StringBuilder(text);
            this.place = place;
        }

        /** Adds words continued on a later row; a merged cell repeating the words adds nothing. */
        void append(String more) {
            if (more != null && !more.isBlank() && !text.toString().contains(more.strip())) {
                text.append(text.isEmpty() ? "" : " ").append(more.strip());
            }
        }
    }

    private final class ActionDraft {
        final String place;
        String text = "";
        final List<String> leads = new ArrayList<>();
        String due = "";
        final List<String> measures = new ArrayList<>();
        String status = "";
        final List<String> delivers = new ArrayList<>();
        String extra = "";

        ActionDraft(String place) {
            this.place = place;
        }

        void continueWith(Cells cells) {
            text = join(text, cells.action);
            if (!cells.lead.isEmpty()) {
                leads.add(cells.lead);
            }
            due = join(due, cells.due);
            List<String> items = cells.measures.items();
            if (!items.isEmpty()) {
                boolean carriesOn = !measures.isEmpty() && items.size() == 1
                        && !(measures.get(measures.size() - 1).endsWith(".") && Character.isUpperCase(items.get(0).charAt(0)));
                if (carriesOn) {
                    measures.set(measures.size() - 1, join(measures.get(measures.size() - 1), items.get(0)));
                } else {
                    measures.addAll(items);
                }
            }
            status = join(status, cells.status);
            for (String item : cells.delivers.items()) {
                List.of(item.split("\\s{2,}")).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(delivers::add);
            }
            extra = extra.isEmpty() ? cells.extra : cells.extra.isEmpty() ? extra : extra + "; " + cells.extra;
        }

        ParsedPlan.Action finish(String reference, String outcomeText, LeadSplitter splitter) {
            String words = oneLine(text);
            if (words.isEmpty()) {
                words = outcomeText;
                warnings.add(warning(place, layout.header(Column.ACTION), "no action given: the outcome's words "
                        + "stand for the action"));
            }
            DueCell timescale = DueCell.read(due);
            String fullStatus = oneLine(join(timescale.status(), status));
            if (timescale.unread() != null) {
                warnings.add(warning(place, layout.header(Column.DUE), "'" + timescale.unread()
                        + "' is not a date: the action has no due date, and the words are kept in its status"));
                fullStatus = join(fullStatus, "(timescale: " + timescale.unread() + ")");
            }
            if (!extra.isEmpty()) {
                fullStatus = join(fullStatus, "(" + oneLine(extra) + ")");
            }
            Rag rag = ragOf(fullStatus);
            List<ParsedPlan.Lead> parsedLeads = leads(splitter);
            List<String> measureTexts = measures.stream().map(PlanDocumentReader::oneLine).toList();
            List<String> delivered = delivers.stream().map(PlanDocumentReader::oneLine).toList();
            ParsedPlan.Action parsed = new ParsedPlan.Action(reference, words, parsedLeads, timescale.due(),
                    timescale.cadence(), timescale.reviewDate(), measureTexts,
                    fullStatus.isEmpty() ? null : fullStatus, rag, delivered, place);
            check(parsed);
            return parsed;
        }

        private List<ParsedPlan.Lead> leads(LeadSplitter splitter) {
            Map<String, ParsedPlan.Lead> found = new LinkedHashMap<>();
            for (String cell : leads) {
                List<LeadSplitter.Part> parts = splitter.split(cell);
                if (parts.size() > 1) {
                    warnings.add(warning(place, layout.header(Column.LEAD), "'" + oneLine(cell) + "' read as "
                            + parts.size() + " leads: " + String.join("; ", parts.stream().map(LeadSplitter.Part::written)
                            .toList())));
                }
                for (LeadSplitter.Part part : parts) {
                    boolean inDirectory = directoryNames.contains(Lead.normalise(part.written()));
                    found.putIfAbsent(Lead.normalise(part.written()), new ParsedPlan.Lead(part.written(), inDirectory));
                }
            }
            for (ParsedPlan.Lead lead : found.values()) {
                if (!lead.known()) {
                    warnings.add(warning(place, layout.header(Column.LEAD), "'" + lead.name()
                            + "' is not in the lead directory: a new lead to confirm"));
                }
            }
            if (found.isEmpty()) {
                warnings.add(warning(place, layout.header(Column.LEAD), "no lead given: the plan's owner leads it "
                        + "until someone is named"));
            }
            return List.copyOf(found.values());
        }

        /** The rules a stored action keeps, checked now so that a commit never fails half-way. */
        private void check(ParsedPlan.Action parsed) {
            try {
                new Action("check", "check", null, null, parsed.reference(), parsed.text(), List.of("check"),
                        parsed.due(), null, parsed.measures().stream().map(MeasureRef::text).toList(), parsed.status(),
                        parsed.rag(), parsed.deliversOutcomes());
            } catch (InvalidFieldException e) {
                warnings.add(error(place, e.field(), e.getMessage()));
            }
        }
    }

    /** A RAG rating the status states in its first words; status text that states none leaves it unrated. */
    private static Rag ragOf(String status) {
        Matcher words = RAG_WORDS.matcher(status);
        if (!words.find()) {
            return null;
        }
        return switch (words.group(1).toLowerCase(Locale.ROOT)) {
            case "on track" -> Rag.GREEN;
            case "achieved", "complete", "completed", "blue" -> Rag.COMPLETE;
            default -> Rag.parse(words.group(1)).orElse(null);
        };
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
