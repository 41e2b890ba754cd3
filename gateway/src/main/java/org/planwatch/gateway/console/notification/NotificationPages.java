package org.planwatch.gateway.console.notification;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.planwatch.gateway.console.ServiceCalls;
import org.planwatch.gateway.console.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * What was emailed: to the lead looking (a lead) or to anyone (an administrator, who may also send a failed one
 * again), and the viewer's own choices: every email at once or one daily digest, and which reminders to skip.
 * notification-service decides who may read or set what.
 */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 50;
    /** Reminders a lead may opt out of; changes to their actions are always sent. */
    static final List<String> REMINDERS = List.of("DUE_SOON", "DUE_TODAY", "OVERDUE", "REVIEW_SOON", "REVIEW_TODAY",
            "REVIEW_OVERDUE");
    static final Map<String, String> KIND_NAMES = Map.ofEntries(
            Map.entry("DUE_DATE_CHANGED", "Due date changed"), Map.entry("RAG_DOWNGRADED", "RAG rating lowered"),
            Map.entry("DUE_SOON", "Due soon"), Map.entry("DUE_TODAY", "Due today"), Map.entry("OVERDUE", "Overdue"),
            Map.entry("REVIEW_SOON", "Review soon"), Map.entry("REVIEW_TODAY", "Review today"),
            Map.entry("REVIEW_OVERDUE", "Review overdue"), Map.entry("MEASURE_STALE", "Measure figures stopped"),
            Map.entry("MEASURE_FRESH", "Measure figures resumed"), Map.entry("DIGEST", "Daily digest"));

    private final ServiceCalls calls;
    private final DateTimeFormatter when;

    NotificationPages(ServiceCalls calls, @Value("${planwatch.console.zone:Europe/London}") ZoneId zone) {
        this.calls = calls;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(zone);
    }

    /** One email in the log, as notification-service reports it. */
    record Entry(String id, String kind, String actionId, String recipient, String subject, String status,
                 int attempts, Instant queuedAt, Instant sentAt, String lastError) {
    }

    record EntryPage(List<Entry> items, int page, int size, long totalItems) {
    }

    record Preferences(String email, String delivery, Set<String> optedOut) {
    }

    @GetMapping("/console/notifications")
    Mono<String> log(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String recipient,
                     @RequestParam(defaultValue = "false") boolean saved, @RequestParam(defaultValue = "false")
                     boolean retried, Model model) {
        int shown = Math.max(page, 0);
        Mono<EntryPage> entries = calls.notifications().get()
                .uri(uri -> logUri(uri, shown, recipient)).retrieve().bodyToMono(EntryPage.class);
        return Viewer.current().flatMap(viewer -> entries.zipWith(preferences(viewer)).map(found -> {
            model.addAttribute("entries", found.getT1());
            model.addAttribute("preferences", found.getT2());
            model.addAttribute("recipient", recipient);
            model.addAttribute("pages", (found.getT1().totalItems() + PAGE_SIZE - 1) / PAGE_SIZE);
            model.addAttribute("saved", saved);
            model.addAttribute("retried", retried);
            model.addAttribute("reminders", REMINDERS);
            model.addAttribute("kindNames", KIND_NAMES);
            model.addAttribute("when", when);
            return "console/notifications";
        })).onErrorResume(ServiceCalls.refusedPage(model));
    }

    @PostMapping("/console/notifications/preferences")
    Mono<String> savePreferences(ServerWebExchange exchange, Model model) {
        return Mono.zip(Viewer.current(), exchange.getFormData()).flatMap(found -> {
            Viewer viewer = found.getT1();
            MultiValueMap<String, String> form = found.getT2();
            String delivery = "DAILY_DIGEST".equals(form.getFirst("delivery")) ? "DAILY_DIGEST" : "IMMEDIATE";
            List<String> optedOut = REMINDERS.stream().filter(kind -> form.getOrDefault("remind", List.of())
                    .stream().noneMatch(kind::equals)).toList();
            return calls.notifications().put().uri("/api/notifications/preferences/{email}", viewer.email())
                    .bodyValue(Map.of("delivery", delivery, "optedOut", optedOut)).retrieve().toBodilessEntity()
                    .thenReturn("redirect:/console/notifications?saved=true");
        }).onErrorResume(ServiceCalls.refusedPage(model));
    }

    @PostMapping("/console/notifications/{id}/retry")
    Mono<String> retry(@PathVariable String id, Model model) {
        return calls.notifications().post().uri("/api/notifications/{id}/retry", id).retrieve().toBodilessEntity()
                .thenReturn("redirect:/console/notifications?retried=true")
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    private Mono<Preferences> preferences(Viewer viewer) {
        if (viewer.email() == null) {
            return Mono.just(new Preferences(null, "IMMEDIATE", Set.of()));
        }
        return calls.notifications().get().uri("/api/notifications/preferences/{email}", viewer.email())
                .retrieve().bodyToMono(Preferences.class);
    }

    private static URI logUri(UriBuilder uri, int page, String recipient) {
        uri.path("/api/notifications").queryParam("page", page).queryParam("size", PAGE_SIZE);
        if (recipient != null && !recipient.isBlank()) {
            uri.queryParam("recipient", recipient.strip());
        }
        return uri.build();
    }
}
