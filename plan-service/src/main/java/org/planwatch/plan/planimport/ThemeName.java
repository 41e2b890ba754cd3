package org.planwatch.plan.planimport;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A theme heading put back together from the cells a PDF split it into: "INFORMA" + "TION AND ADVICE" is
 * INFORMATION AND ADVICE, "INDEPENDENCE AND" + "WELLBEING" keeps its space, and a letter the split doubled or
 * garbled ("REC" + "COGNITION", "IDEI" + "NTIFICATION") is dropped when the rest of the plan uses the word so
 * spelled, or when it repeats the letter before it.
 */
public record ThemeName(String name, boolean repaired) {

    /** @param planWords every word the plan's text uses, in lower case */
    public static ThemeName join(List<String> fragments, Set<String> planWords) {
        String name = "";
        boolean repaired = false;
        for (String fragment : fragments) {
            String next = fragment.strip();
            if (next.isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                name = next;
                continue;
            }
            String left = lastWord(name);
            String right = next.split("\\s+")[0];
            String stem = name.substring(0, name.length() - left.length());
            String tail = next.substring(right.length());
            if (isWord(left, planWords) && !isWord(left + right, planWords)) {
                name = name + " " + next;
                continue;
            }
            String joined = left + right;
            String mended = mend(joined, left.length(), planWords);
            repaired |= !mended.equals(joined) || !isWord(joined, planWords);
            name = stem + mended + tail;
        }
        return new ThemeName(name.replaceAll("\\s+", " ").strip(), repaired);
    }

    private static String mend(String joined, int seam, Set<String> planWords) {
        if (isWord(joined, planWords)) {
            return joined;
        }
        for (int at = Math.max(0, seam - 2); at <= Math.min(joined.length() - 1, seam + 1); at++) {
            String without = joined.substring(0, at) + joined.substring(at + 1);
            if (isWord(without, planWords)) {
                return without;
            }
        }
        if (seam > 0 && seam < joined.length()
                && Character.toLowerCase(joined.charAt(seam - 1)) == Character.toLowerCase(joined.charAt(seam))) {
            return joined.substring(0, seam) + joined.substring(seam + 1);
        }
        return joined;
    }

    private static boolean isWord(String word, Set<String> planWords) {
        String key = word.toLowerCase(Locale.ROOT);
        return planWords.contains(key) || COMMON.contains(key);
    }

    private static String lastWord(String text) {
        String[] words = text.split("\\s+");
        return words[words.length - 1];
    }

    private static final Set<String> COMMON = Set.of("and", "of", "the", "for", "to", "in", "with", "our", "a", "&");
}
