package org.planwatch.notification.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes an email from {@code mail/<template>.html} and {@code .txt} (Thymeleaf, both escaped). The features that
 * send email fill the model; the words every email shares (the action it is about, dates, the link) are here.
 */
@Component
public class MailTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final String actionLink;

    MailTemplates(@Value("${planwatch.links.action:http://localhost:8080/console/actions/{id}}") String actionLink) {
        this.actionLink = actionLink;
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    /** Where an action sits and what it says, as the shared fragment of every email shows it. */
    public record ActionContext(String actionId, String planTitle, String themeName, String outcomeReference,
                                String outcomeText, String actionReference, String actionText, String status,
                                String rag) {

        /** "action 1.1a", or "an action" when it has no reference. */
        public String name() {
            return actionReference == null ? "an action" : "action " + actionReference;
        }

        /** The reference and the start of the text, for a calendar entry's title. */
        public String summary() {
            String text = String.valueOf(actionText);
            String shortText = text.length() > 80 ? text.substring(0, 77) + "..." : text;
            return (actionReference == null ? "" : actionReference + " ") + shortText;
        }
    }

    /** A model holding the action's context and its link, for the feature to add its own words to. */
    public Map<String, Object> model(ActionContext action, String recipientName) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipientName);
        model.put("planTitle", action.planTitle() == null ? "" : action.planTitle());
        model.put("themeName", action.themeName());
        model.put("outcomeReference", action.outcomeReference());
        model.put("outcomeText", action.outcomeText());
        model.put("actionReference", action.actionReference());
        model.put("actionText", action.actionText());
        model.put("status", action.status());
        model.put("rag", action.rag());
        model.put("link", link(action.actionId()));
        return model;
    }

    public ComposedMail render(String template, String subject, Map<String, Object> model, String calendar) {
        return render(template, subject, model, calendar, null);
    }

    /** The email, its HTML showing {@code chart} (a measure's progress) where the template places it. */
    public ComposedMail render(String template, String subject, Map<String, Object> model, String calendar,
                               ComposedMail.Chart chart) {
        Context context = new Context(Locale.UK, model);
        context.setVariable("chart", chart == null ? null : Map.of("src", "cid:" + ComposedMail.Chart.CONTENT_ID,
                "alt", chart.description()));
        return new ComposedMail(subject.replaceAll("[\\r\\n]+", " "), templates.process(template + ".txt", context),
                templates.process(template + ".html", context), calendar, chart);
    }

    public String link(String actionId) {
        return actionLink.replace("{id}", actionId);
    }

    /** "Thursday 30 June 2022". */
    public static String day(LocalDate date) {
        return date.format(DAY);
    }

    /** A due date in words: "Jun 22 (Thursday 30 June 2022)", or "no due date". */
    public static String due(String isoDate, String precision, String asWritten) {
        if (isoDate == null) {
            return "no due date";
        }
        String day = day(LocalDate.parse(isoDate));
        return asWritten == null || "DAY".equals(precision) ? day : asWritten + " (" + day + ")";
    }

    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
