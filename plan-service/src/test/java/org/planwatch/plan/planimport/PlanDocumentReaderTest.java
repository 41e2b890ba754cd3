package org.planwatch.plan.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.planwatch.plan.action.DatePrecision;
import org.planwatch.plan.action.Rag;
import org.planwatch.plan.action.ReviewCadence;

/** The two real plans read as a person reads them, every guess a warning. */
class PlanDocumentReaderTest {

    static ParsedPlan read(String seed, List<String> directory) {
        return PlanDocumentReader.read(null, Seeds.file(seed).rows(), directory);
    }

    ParsedPlan doncaster = read(Seeds.DONCASTER, List.of());
    ParsedPlan perth = read(Seeds.PERTH, List.of());

    @Test
    void themeHeadingsThePdfSplitOrDamagedAreReadWholeEachAWarning() {
        assertThat(doncaster.themes()).extracting(ParsedPlan.Theme::name).containsExactly("IDENTIFICATION",
                "RECOGNITION", "INFORMATION AND ADVICE", "RIGHTS", "CONNECTION", "INDEPENDENCE AND WELLBEING");
        assertThat(messagesAt(doncaster, "line 2")).anyMatch(m -> m.contains("'IDEI' + 'NTIFICATION'"));
        assertThat(messagesAt(doncaster, "line 18")).anyMatch(m -> m.contains("'REC' + 'COGNITION'"));
    }

    @Test
    void numberedOutcomesHoldTheirActionsInTheDocumentsOrder() {
        List<String> references = doncaster.themes().stream().flatMap(t -> t.outcomes().stream())
                .map(ParsedPlan.Outcome::reference).toList();
        assertThat(references).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5",
                "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "5.1", "5.2", "5.3",
                "5.4", "5.5", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7");
        assertThat(outcome(doncaster, "1.4").actions()).extracting(ParsedPlan.Action::reference)
                .containsExactly("1.4.1", "1.4.2", "1.4.3", "1.4.4");
        assertThat(doncaster.actions()).as("one per row with a due date").hasSize(47);
        assertThat(outcome(doncaster, "1.3").actions()).hasSize(2);
    }

    @Test
    void rowsContinuedAcrossAPageBreakJoinTheActionTheyContinue() {
        assertThat(action(doncaster, "1.4.4").text()).isEqualTo(
                "Communications Teams will work collaboratively to deliver key regular messages to support carers");
        ParsedPlan.Action pathway = action(doncaster, "1.5.1");
        assertThat(pathway.text()).endsWith("Bimonthly meetings to be held between all carer support services in "
                + "Doncaster to improve carer experience;");
        assertThat(pathway.measures().get(pathway.measures().size() - 1)).endsWith("Improved carer worker satisfaction");
        assertThat(action(perth, "3.1").text()).endsWith("others are less so and carers report having to give up "
                + "work to support those they care for.");
    }

    @Test
    void anOutcomeWhoseWordsStandAboveItsNumberTakesThemWithAWarning() {
        assertThat(outcome(doncaster, "3.2").text())
                .isEqualTo("Carers will have access to high- quality information and advice at the right time.");
        assertThat(messagesAt(doncaster, "line 35")).anyMatch(m -> m.contains("outcome 3.2"));
        assertThat(outcome(doncaster, "2.5").text()).endsWith("to ensure that staff see carers as \"everyone's business\".");
    }

    @Test
    void datesAsPeopleWriteThemKeepTheirWordsAndPrecision() {
        assertThat(action(doncaster, "1.1.1").due().date()).isEqualTo(LocalDate.of(2022, 4, 30));
        assertThat(action(doncaster, "1.1.1").due().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(action(doncaster, "2.1.2").due().text()).isEqualTo("Sept 22");
        ParsedPlan.Action training = action(perth, "1.1");
        assertThat(training.due().text()).isEqualTo("June 2023 and 6-month review");
        assertThat(training.due().date()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(training.cadence()).isEqualTo(ReviewCadence.SIX_MONTHLY);
        assertThat(action(perth, "3.1").cadence()).isEqualTo(ReviewCadence.QUARTERLY);
        assertThat(action(perth, "4.1").due().date()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aCellHoldingALeadAndATimescaleGivesBoth() {
        ParsedPlan.Action employers = action(perth, "3.1");
        assertThat(employers.leads()).extracting(ParsedPlan.Lead::name).containsExactly("Carers Centre Manager");
        ParsedPlan.Action champions = action(perth, "2.1");
        assertThat(champions.leads()).extracting(ParsedPlan.Lead::name)
                .containsExactly("Learning and Development Officer - Carers");
        assertThat(champions.due()).isNull();
        assertThat(champions.status()).isEqualTo("Commenced - Review date December 2023");
        assertThat(champions.reviewDate()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(action(perth, "5.1").leads()).extracting(ParsedPlan.Lead::name)
                .containsExactly("Senior Service Manager Health \u2013 Older People, Palliative and Urgent Care");
    }

    @Test
    void htmlLeftByTheExtractionBecomesMeasuresAndPlainWords() {
        assertThat(action(perth, "1.1").measures()).containsExactly(
                "Number of carers supported by PKAVS and Perth and Kinross HSCP.",
                "Percentage of carers who feel supported to continue in caring role.",
                "Number of professionals completing training.");
        assertThat(action(doncaster, "1.1.2").status())
                .isEqualTo("GP resource pack initial meeting taken place 3rd March Further meeting booked for May");
        assertThat(outcome(doncaster, "1.1").text()).doesNotContain("<u>");
    }

    @Test
    void aValueGivenOnceForEveryRowIsEveryActionsWithAWarning() {
        assertThat(perth.actions()).allSatisfy(a -> assertThat(a.deliversOutcomes()).hasSize(4));
        assertThat(perth.actions().findFirst().orElseThrow().deliversOutcomes().get(0))
                .startsWith("People who work in Health and Social Care Services feel engaged");
        assertThat(messagesAt(perth, "line 2")).anyMatch(m -> m.contains("applied to all 5 actions"));
    }

    @Test
    void anActionWithNoWordsOfItsOwnTakesItsOutcomesWithAWarning() {
        assertThat(action(perth, "5.1").text()).isEqualTo(outcome(perth, "5").text());
        assertThat(messagesAt(perth, "line 9")).anyMatch(m -> m.contains("no action given"));
    }

    @Test
    void leadsRunTogetherAreSplitAgainstTheDirectoryAndEveryGuessIsAWarning() {
        ParsedPlan withDirectory = read(Seeds.DONCASTER, List.of("Carers Lead", "Carers Wellbeing",
                "Adult Social Care", "Practice Development", "NHS England"));

        assertThat(action(withDirectory, "1.1.1").leads()).containsExactly(new ParsedPlan.Lead("Carers Lead", true),
                new ParsedPlan.Lead("Carers Wellbeing", true), new ParsedPlan.Lead("Adult Social Care", true),
                new ParsedPlan.Lead("Practice Development", true));
        assertThat(messagesAt(withDirectory, "line 3")).anyMatch(m -> m.contains("read as 4 leads"));
        assertThat(action(withDirectory, "1.4.2").leads()).extracting(ParsedPlan.Lead::name)
                .containsExactly("NHS England", "CAG", "CSG");
        assertThat(messagesAt(withDirectory, "line 10")).anyMatch(m -> m.contains("'CAG' is not in the lead directory"));
    }

    @Test
    void statusTextIsKeptAsWrittenAndRatedOnlyWhereItSaysSo() {
        List<SourceRow> rows = List.of(row("No", "Outcome", "Action", "Lead", "Due Date", "Status / RAG"),
                row("1.1", "Carers are identified.", "Train staff", "Carers Lead", "Jun 22", "Complete"),
                row("1.2", "Carers are heard.", "Meet carers", "Carers Lead", "Jul 22", "On track - meetings monthly"),
                row("1.3", "Carers are informed.", "Publish pages", "Carers Lead", "Aug 22", "Not started"),
                row("1.4", "Carers are supported.", "Open groups", "Carers Lead", "Sep 22", "Commenced"));
        ParsedPlan plan = PlanDocumentReader.read("Plan", rows, List.of());

        assertThat(plan.actions()).extracting(ParsedPlan.Action::rag)
                .containsExactly(Rag.COMPLETE, Rag.GREEN, Rag.NOT_STARTED, null);
        assertThat(plan.actions()).extracting(ParsedPlan.Action::status)
                .containsExactly("Complete", "On track - meetings monthly", "Not started", "Commenced");
    }

    @Test
    void noWordOfEitherPlanIsLost() {
        for (String seed : List.of(Seeds.DONCASTER, Seeds.PERTH)) {
            PlanFile file = Seeds.file(seed);
            ParsedPlan plan = PlanDocumentReader.read(null, file.rows(), List.of());
            Set<String> result = words(Stream.concat(plan.themes().stream().flatMap(t -> Stream.concat(
                    Stream.of(t.name()), t.outcomes().stream().flatMap(o -> Stream.of(o.reference(), o.text())))),
                    plan.actions().flatMap(a -> Stream.concat(Stream.of(a.text(), a.status(),
                            a.due() == null ? null : a.due().text()), Stream.concat(a.measures().stream(),
                            Stream.concat(a.deliversOutcomes().stream(), a.leads().stream().map(ParsedPlan.Lead::name))))))
                    .toList());
            Set<String> source = words(file.rows().stream().filter(r -> !r.cell(0).startsWith("No")
                            && !r.cell(0).startsWith("How we will") && !isThemeRow(r))
                    .flatMap(r -> r.cells().stream().map(CellText::plain)).toList());
            source.removeAll(Set.of("lead", "professional", "target", "date"));
            source.removeAll(result);
            assertThat(source).as(seed + ": words in the file but not in the result").isEmpty();
        }
    }

    private static boolean isThemeRow(SourceRow row) {
        String joined = String.join("", row.cells().stream().map(CellText::plain).toList());
        return row.cell(0).isBlank() && !joined.isBlank() && joined.equals(joined.toUpperCase(Locale.ROOT))
                && joined.chars().filter(Character::isLetter).count() >= 5;
    }

    private static Set<String> words(List<String> texts) {
        Set<String> words = new HashSet<>();
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        texts.stream().filter(t -> t != null).forEach(t -> word.matcher(t.toLowerCase(Locale.ROOT)).results()
                .forEach(m -> words.add(m.group())));
        return words;
    }

    static SourceRow row(String... cells) {
        return new SourceRow("row", List.of(cells));
    }

    static List<String> messagesAt(ParsedPlan plan, String place) {
        return plan.warnings().stream().filter(w -> place.equals(w.place())).map(ImportWarning::message).toList();
    }

    static ParsedPlan.Outcome outcome(ParsedPlan plan, String reference) {
        return plan.themes().stream().flatMap(t -> t.outcomes().stream())
                .filter(o -> reference.equals(o.reference())).findFirst().orElseThrow();
    }

    static ParsedPlan.Action action(ParsedPlan plan, String reference) {
        return plan.actions().filter(a -> reference.equals(a.reference())).findFirst().orElseThrow();
    }
}
