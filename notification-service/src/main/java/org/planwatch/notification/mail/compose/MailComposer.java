package org.planwatch.notification.mail.compose;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.planwatch.notification.actionview.messaging.PlanActionEvent;
import org.planwatch.notification.trigger.MailKind;
import org.planwatch.notification.trigger.Notice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Writes the email for a notice from {@code mail/<kind>.html} and {@code mail/<kind>.txt}. */
@Component
public class MailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private final TemplateEngine templates = new TemplateEngine();
    private final String actionLink;

    MailComposer(@Value("${planwatch.links.action:http://localhost:8080/api/actions/{id}}") String actionLink) {
        this.actionLink = actionLink;
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    public ComposedMail compose(PlanActionEvent event, Notice notice) {
        PlanActionEvent.Data data = event.data();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", notice.recipientName());
        model.put("asOwner", notice.role() == Notice.Role.PLAN_OWNER);
        model.put("planTitle", data.plan() == null ? "" : data.plan().title());
        model.put("themeName", data.theme() == null ? null : data.theme().name());
        model.put("outcomeReference", data.outcome() == null ? null : data.outcome().reference());
        model.put("outcomeText", data.outcome() == null ? null : data.outcome().text());
        model.put("actionReference", data.action().reference());
        model.put("actionText", data.action().text());
        model.put("reason", data.reason());
        model.put("changedBy", data.changedBy());
        model.put("status", data.action().status());
        model.put("link", actionLink.replace("{id}", data.actionId()));
        model.put("previousDue", due(data.previous() == null ? null : data.previous().due()));
        model.put("due", due(data.action().due()));
        model.put("previousRag", data.previous() == null ? null : data.previous().rag());
        model.put("rag", data.action().rag());
        String template = notice.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Context context = new Context(Locale.UK, model);
        return new ComposedMail(oneLine(subject(notice.kind(), model)), templates.process(template + ".txt", context),
                templates.process(template + ".html", context));
    }

    /** A due date in words: "Jun 22 (Thursday 30 June 2022)", or "no due date". */
    private static String due(PlanActionEvent.Due due) {
        if (due == null || due.date() == null) {
            return "no due date";
        }
        String day = LocalDate.parse(due.date()).format(DAY);
        return due.text() == null || "DAY".equals(due.precision()) ? day : due.text() + " (" + day + ")";
    }

    private static String subject(MailKind kind, Map<String, Object> model) {
        String action = model.get("actionReference") == null ? "an action" : "action " + model.get("actionReference");
        return switch (kind) {
            case DUE_DATE_CHANGED -> "[" + model.get("planTitle") + "] Due date of " + action + " moved from "
                    + model.get("previousDue") + " to " + model.get("due");
            case RAG_DOWNGRADED -> "[" + model.get("planTitle") + "] " + action + " is now " + model.get("rag")
                    + " (was " + model.get("previousRag") + ")";
        };
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
