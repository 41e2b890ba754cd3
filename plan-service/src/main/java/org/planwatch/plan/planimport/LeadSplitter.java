package org.planwatch.plan.planimport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a cell where a PDF ran several leads together ("Carers Lead Carers Wellbeing Adult Social Care") into the
 * leads it names. It knows the directory's names and aliases, and learns from the plan itself: a cell holding no known
 * name, shortest first, is taken as one lead's name. A name starts on a capital letter. A cell is then read left to right, longest known name first;
 * words no known name covers stay together as one new lead, kept as written. Two or more spaces always separate.
 */
public final class LeadSplitter {

    /** One lead a cell names, as written, and whether a known name matched it. */
    public record Part(String written, boolean known) {
    }

    private final Set<String> known = new HashSet<>();
    private int longest = 1;

    public LeadSplitter(Collection<String> directoryNames, Collection<String> leadCells) {
        directoryNames.forEach(this::learn);
        List<List<String>> cells = leadCells.stream().flatMap(cell -> List.of(cell.split("\\s{2,}")).stream())
                .map(LeadSplitter::words).filter(w -> !w.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(List::size)).toList();
        for (List<String> cell : cells) {
            if (!known.contains(key(cell)) && !holdsAKnownName(cell)) {
                learn(String.join(" ", cell));
            }
        }
    }

    public List<Part> split(String cell) {
        List<Part> parts = new ArrayList<>();
        for (String chunk : cell.strip().split("\\s{2,}")) {
            splitChunk(words(chunk), parts);
        }
        return parts;
    }

    private void splitChunk(List<String> words, List<Part> parts) {
        List<String> unknown = new ArrayList<>();
        int at = 0;
        while (at < words.size()) {
            int length = longestKnownAt(words, at);
            if (length == 0) {
                unknown.add(words.get(at++));
                continue;
            }
            if (!unknown.isEmpty()) {
                parts.add(new Part(String.join(" ", unknown), false));
                unknown.clear();
            }
            parts.add(new Part(String.join(" ", words.subList(at, at + length)), true));
            at += length;
        }
        if (!unknown.isEmpty()) {
            parts.add(new Part(String.join(" ", unknown), false));
        }
    }

    /**
     * The length of the longest known name starting at a word; inside a cell a name starts only on a capital, as
     * names do ("Young adult carers support" holds no second lead "carers support").
     */
    private int longestKnownAt(List<String> words, int at) {
        if (at > 0 && Character.isLowerCase(words.get(at).charAt(0))) {
            return 0;
        }
        for (int length = Math.min(longest, words.size() - at); length > 0; length--) {
            if (known.contains(key(words.subList(at, at + length)))) {
                return length;
            }
        }
        return 0;
    }

    /** Whether a known name stands anywhere among the words: then they are several leads, not a new one. */
    private boolean holdsAKnownName(List<String> words) {
        for (int at = 0; at < words.size(); at++) {
            if (longestKnownAt(words, at) > 0) {
                return true;
            }
        }
        return false;
    }

    private void learn(String name) {
        List<String> words = words(name);
        if (!words.isEmpty()) {
            known.add(key(words));
            longest = Math.max(longest, words.size());
        }
    }

    private static List<String> words(String text) {
        String plain = text.replaceFirst("(?i)^\\s*lead (professional|officer|organisation)s?\\s*:\\s*", "");
        return List.of(plain.strip().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private static String key(List<String> words) {
        return String.join(" ", words).toLowerCase(Locale.ROOT).replaceAll("[\\u2013\\u2014]", "-");
    }
}
