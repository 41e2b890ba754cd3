package org.planwatch.gateway.console.lead;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.planwatch.gateway.console.FieldProblem;
import org.planwatch.gateway.console.ServiceCalls.Refusal;
import org.planwatch.gateway.console.ServiceCalls;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * The partnership's lead directory: the people and organisations actions name as leads, with the email address
 * their reminders go to. Everyone who reads plans sees it; administrators add leads and correct them (plan-service
 * refuses anyone else).
 */
@Controller
class LeadPages {

    private static final ParameterizedTypeReference<List<Lead>> LEADS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;

    LeadPages(ServiceCalls calls) {
        this.calls = calls;
    }

    /** A lead as plan-service lists it. */
    record Lead(String id, long version, String kind, String name, String roleTitle, String organisation,
                String contactName, String email) {

        public boolean isOrganisation() {
            return "ORGANISATION".equals(kind);
        }
    }

    /** What the add and edit forms send; {@code version} is the one the edit form showed. */
    public record LeadForm(String kind, String name, String roleTitle, String organisation, String contactName,
                           String email, Long version) {

        static LeadForm of(Lead lead) {
            return new LeadForm(lead.kind(), lead.name(), lead.roleTitle(), lead.organisation(), lead.contactName(),
                    lead.email(), lead.version());
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "ORGANISATION".equals(kind) ? "ORGANISATION" : "PERSON");
            body.put("name", blankToNull(name));
            body.put("roleTitle", blankToNull(roleTitle));
            body.put("organisation", blankToNull(organisation));
            body.put("contactName", "ORGANISATION".equals(kind) ? blankToNull(contactName) : null);
            body.put("email", blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT));
            return body;
        }

        List<FieldProblem> problems() {
            return blankToNull(name) == null ? List.of(new FieldProblem("name", "Enter the lead's name")) : List.of();
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    @GetMapping("/console/leads")
    Mono<String> leads(@RequestParam(required = false) String q, @RequestParam(required = false) String saved,
                       Model model) {
        model.addAttribute("q", q);
        model.addAttribute("saved", saved);
        model.addAttribute("form", new LeadForm("PERSON", null, null, null, null, null, null));
        return list(q, model);
    }

    @PostMapping("/console/leads")
    Mono<String> add(@ModelAttribute("form") LeadForm form, Model model) {
        if (!form.problems().isEmpty()) {
            model.addAttribute("problems", form.problems());
            return list(null, model);
        }
        return calls.plans().post().uri("/api/leads").bodyValue(form.body()).retrieve().bodyToMono(Lead.class)
                .map(lead -> "redirect:/console/leads?saved=" + lead.id())
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> refused(refusal, model,
                        () -> list(null, model))));
    }

    @GetMapping("/console/leads/{id}")
    Mono<String> edit(@PathVariable String id, Model model) {
        return calls.plans().get().uri("/api/leads/{id}", id).retrieve().bodyToMono(Lead.class)
                .map(lead -> {
                    model.addAttribute("lead", lead);
                    model.addAttribute("form", LeadForm.of(lead));
                    return "console/lead";
                })
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> refused(refusal, model, null)));
    }

    @PostMapping("/console/leads/{id}")
    Mono<String> update(@PathVariable String id, @ModelAttribute("form") LeadForm form, Model model) {
        Mono<String> formAgain = calls.plans().get().uri("/api/leads/{id}", id).retrieve().bodyToMono(Lead.class)
                .map(lead -> {
                    model.addAttribute("lead", lead);
                    return "console/lead";
                });
        if (!form.problems().isEmpty()) {
            model.addAttribute("problems", form.problems());
            return formAgain;
        }
        return calls.plans().put().uri("/api/leads/{id}", id).header("If-Match", "\"" + form.version() + "\"")
                .bodyValue(form.body()).retrieve().toBodilessEntity()
                .thenReturn("redirect:/console/leads?saved=" + id)
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> {
                    if (refusal.is(HttpStatus.PRECONDITION_FAILED)) {
                        model.addAttribute("problems", List.of(new FieldProblem("name",
                                "Someone else changed this lead while you were editing it: check it and save again")));
                        return edit(id, model);
                    }
                    return refused(refusal, model, () -> formAgain);
                }));
    }

    private Mono<String> list(String q, Model model) {
        return calls.plans().get().uri(uri -> q == null || q.isBlank() ? uri.path("/api/leads").build()
                        : uri.path("/api/leads").queryParam("q", q.strip()).build())
                .retrieve().bodyToMono(LEADS)
                .map(leads -> {
                    model.addAttribute("leads", leads.stream()
                            .sorted(Comparator.comparing(lead -> lead.name().toLowerCase(Locale.ROOT))).toList());
                    return "console/leads";
                })
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> refused(refusal, model, null)));
    }

    /** A field plan-service found wrong goes back to the form; anything else is the refusal page. */
    private static Mono<String> refused(Refusal refusal, Model model, Supplier<Mono<String>> form) {
        if (form != null && refusal.is(HttpStatus.BAD_REQUEST) && !refusal.errors().isEmpty()) {
            model.addAttribute("problems", refusal.errors().stream().map(error -> new FieldProblem(
                    field(error.field()), sentence(error.reason()))).toList());
            return form.get();
        }
        return ServiceCalls.refused(refusal, model);
    }

    private static String field(String apiField) {
        return apiField == null ? "name" : switch (apiField) {
            case "name", "roleTitle", "organisation", "contactName", "email", "kind" -> apiField;
            default -> "name";
        };
    }

    private static String sentence(String reason) {
        return reason == null || reason.isEmpty() ? "Check this answer"
                : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
