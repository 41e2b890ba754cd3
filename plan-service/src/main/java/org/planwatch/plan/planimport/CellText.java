package org.planwatch.plan.planimport;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A cell's words without what the PDF extraction left around them: {@code <ul><li>} lists become items,
 * {@code 3 <sup>rd</sup> March} becomes "3rd March", an empty {@code <u> </u>} disappears, entities are decoded and
 * runs of spaces become one.
 */
public record CellText(String text, List<String> items) {

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;");
    private static final Pattern SPACE_BEFORE_SUPERSCRIPT = Pattern.compile("\\s+(<sup\\b)", Pattern.CASE_INSENSITIVE);

    public static CellText of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new CellText("", List.of());
        }
        if (!TAG.matcher(raw).find()) {
            String text = squeeze(raw);
            return new CellText(text, text.isEmpty() ? List.of() : List.of(text));
        }
        Document html = Jsoup.parseBodyFragment(SPACE_BEFORE_SUPERSCRIPT.matcher(raw).replaceAll("$1"));
        List<String> listed = html.select("li").eachText().stream().map(CellText::squeeze).filter(s -> !s.isEmpty())
                .toList();
        if (!listed.isEmpty()) {
            html.select("li").remove();
            String around = squeeze(html.body().text());
            List<String> items = around.isEmpty() ? listed
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(around), listed.stream()).toList();
            return new CellText(String.join("; ", items), items);
        }
        for (Element superscript : html.select("sup")) {
            superscript.replaceWith(new org.jsoup.nodes.TextNode(superscript.text()));
        }
        String text = squeeze(html.body().text());
        return new CellText(text, text.isEmpty() ? List.of() : List.of(text));
    }

    /** The cell as one line of plain text. */
    public static String plain(String raw) {
        return of(raw).text();
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    /** Keeps a double space where the document had one (it often separates two facts), otherwise one space. */
    static String squeeze(String text) {
        return text.replace('\u00a0', ' ').replaceAll("[\\t\\r\\n]+", "  ").replaceAll(" {3,}", "  ").strip();
    }
}
