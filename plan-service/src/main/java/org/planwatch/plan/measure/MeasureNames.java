package org.planwatch.plan.measure;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which measure a plan's words name. Plans and measure definitions are written by different people, so the same
 * measure reads "Number of local businesses who have been awarded a 'Carer Positive' accreditation." in one and
 * "Number of local businesses awarded Carer Positive accreditation" in the other. The same words, ignoring case,
 * quotes and punctuation, are the {@link Match.Kind#SAME_NAME same name}: safe to link. Most of the same words
 * (at least {@value #SIMILAR_ENOUGH} of the distinct words of both, short words and units aside) are a
 * {@link Match.Kind#SIMILAR_NAME similar name}: worth proposing, for a person to confirm.
 */
public final class MeasureNames {

    static final double SIMILAR_ENOUGH = 0.6;
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "by",
            "for", "and", "or", "who", "which", "that", "with", "have", "has", "been", "be", "is", "are", "their",
            // What is counted says which measure it is, not how: "Number of carers identified" is no more like
            // "Number of young carers identified in schools" for both being numbers.
            "number", "percentage", "proportion", "total", "rate", "count");

    private MeasureNames() {
    }

    /** A measure the words name, how closely, and the share of words in common (1 for the same name). */
    public record Match(KnownMeasure measure, Kind kind, double likeness) {

        public enum Kind { SAME_NAME, SIMILAR_NAME }
    }

    /** The measure of {@code known} that {@code words} name best, if any names it closely enough. */
    public static Optional<Match> bestFor(String words, List<KnownMeasure> known) {
        String wanted = normalise(words);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Optional<KnownMeasure> same = known.stream().filter(m -> normalise(m.name()).equals(wanted))
                .min(Comparator.comparing(KnownMeasure::key));
        if (same.isPresent()) {
            return Optional.of(new Match(same.get(), Match.Kind.SAME_NAME, 1));
        }
        Set<String> wantedWords = significantWords(wanted);
        return known.stream().map(m -> new Match(m, Match.Kind.SIMILAR_NAME,
                        likeness(wantedWords, significantWords(normalise(m.name())))))
                .filter(m -> m.likeness() >= SIMILAR_ENOUGH)
                .max(Comparator.comparingDouble(Match::likeness).thenComparing(m -> m.measure().key(),
                        Comparator.reverseOrder()));
    }

    static String normalise(String words) {
        if (words == null) {
            return "";
        }
        String plain = Normalizer.normalize(words, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("['\u2018\u2019`\"\u201c\u201d]", "");
        return plain.replaceAll("[^\\p{L}\\p{N}%]+", " ").strip();
    }

    private static Set<String> significantWords(String normalised) {
        return Arrays.stream(normalised.split(" ")).filter(w -> !w.isEmpty() && !SMALL_WORDS.contains(w))
                .collect(Collectors.toSet());
    }

    /** Words in common over the distinct words of both (Jaccard). */
    private static double likeness(Set<String> one, Set<String> other) {
        if (one.isEmpty() || other.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(one);
        common.retainAll(other);
        Set<String> all = new HashSet<>(one);
        all.addAll(other);
        return (double) common.size() / all.size();
    }
}
