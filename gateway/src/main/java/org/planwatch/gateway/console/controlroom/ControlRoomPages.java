package org.planwatch.gateway.console.controlroom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.planwatch.gateway.console.ServiceCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The administrators' view of the running system: each service's health and the servers it depends on (MongoDB,
 * Kafka, SMTP), the circuit breakers the gateway and the services hold open or closed, how far each service's Kafka
 * consumers are behind, and the reminder scan to run now. Each service answers with the administrator's own rights.
 */
@Controller
class ControlRoomPages {

    /** A service that does not answer within this is shown as not answering; the page never waits on it. */
    static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final String LAG_METRIC = "/actuator/metrics/spring.cloud.stream.binder.kafka.offset";

    private final ServiceCalls calls;
    private final ObjectProvider<CircuitBreakerRegistry> breakers;
    private final RouteLocator routes;
    private final DateTimeFormatter when;
    private final String gatewayVersion;

    ControlRoomPages(ServiceCalls calls, ObjectProvider<CircuitBreakerRegistry> breakers, RouteLocator routes,
                     ObjectProvider<BuildProperties> build,
                     @Value("${planwatch.console.zone:Europe/London}") ZoneId zone) {
        this.calls = calls;
        this.breakers = breakers;
        this.routes = routes;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK).withZone(zone);
        BuildProperties properties = build.getIfAvailable();
        this.gatewayVersion = properties == null ? "not reported" : version(properties.getVersion(), properties.getTime());
    }

    record Health(String status, Map<String, Component> components) {

        public Map<String, Component> components() {
            return components == null ? Map.of() : new TreeMap<>(components);
        }
    }

    record Component(String status) {
    }

    record Breaker(String name, String state, String failureRate) {
    }

    record Breakers(Map<String, BreakerDetails> circuitBreakers) {
    }

    record BreakerDetails(String state, String failureRate) {
    }

    record Metric(List<Measurement> measurements) {
    }

    record Measurement(String statistic, Double value) {
    }

    record Info(Build build) {
    }

    record Build(String version, Instant time) {
    }

    /** A route the gateway is applying: what it matches and where it sends it. */
    record RouteInForce(String id, String matches, String to) {
    }

    /** One service as the control room shows it; {@code lag} is null where the service consumes no topic. */
    record ServiceState(String name, String status, Map<String, Component> components, List<Breaker> breakers,
                        Long lag, boolean consumes, String version) {

        public boolean up() {
            return "UP".equals(status);
        }
    }

    /** A plan event notification-service could not process, as its dead-letter list reports it. */
    record DeadLetter(String id, String key, String reason, Instant deadAt, Replay replayed) {
    }

    record Replay(Instant at, String by) {
    }

    record DeadLetterList(String topic, List<DeadLetter> items) {
    }

    /** A figure measure-service refused, as its rejection log reports it. */
    record RefusedFigure(String id, Instant receivedAt, String channel, String organisation, String measure,
                         String field, String reason, String sent, boolean replayable, RefusedFigureReplay replayed) {
    }

    record RefusedFigureReplay(Instant at, String by, String outcome, String reason) {
    }

    record RefusedFigures(List<RefusedFigure> items) {
    }

    record ReplayAnswer(String outcome, String reason) {
    }

    /** A partner system the issuer lets get tokens, as the issuer's partner-client API lists it. */
    record PartnerClient(String clientId, String organisation, String description, String addedAt, String addedBy) {
    }

    /** A partner system just added: its secret, shown this once. */
    record AddedPartnerClient(String clientId, String clientSecret, String organisation, String tokenEndpoint) {
    }

    /** The form to add a partner system. */
    record PartnerClientForm(String clientId, String organisation, String description) {
    }

    /** The form's hidden field: which refusal to take in again. */
    record RefusedFigureForm(String id) {
    }

    @GetMapping("/console/control-room")
    Mono<String> controlRoom(@RequestParam(required = false) Integer queued,
                             @RequestParam(required = false) String replayed,
                             @RequestParam(required = false) Integer digestsSent,
                             @RequestParam(required = false) String retaken,
                             @RequestParam(required = false) String removedPartner, Model model) {
        model.addAttribute("removedPartner", removedPartner);
        // None where the issuer offers no partner-client API (another provider: its clients are managed there).
        Mono<Optional<List<PartnerClient>>> partnerClients = calls.partnerClients().get().retrieve()
                .bodyToFlux(PartnerClient.class).collectList().map(Optional::of).timeout(PATIENCE)
                .onErrorResume(e -> Mono.just(Optional.empty()));
        Mono<DeadLetterList> deadLetters = calls.notifications().get().uri("/api/notifications/dead-letters?limit=50")
                .retrieve().bodyToMono(DeadLetterList.class).timeout(PATIENCE.multipliedBy(3))
                .onErrorResume(e -> Mono.just(new DeadLetterList(null, null)));
        Mono<RefusedFigures> refusedFigures = calls.measures().get().uri("/api/measures/rejections?size=50")
                .retrieve().bodyToMono(RefusedFigures.class).timeout(PATIENCE.multipliedBy(3))
                .onErrorResume(e -> Mono.just(new RefusedFigures(null)));
        Mono<List<ServiceState>> services = Flux.mergeSequential(
                        state("plan-service", calls.plans(), true),
                        state("measure-service", calls.measures(), true),
                        state("notification-service", calls.notifications(), true))
                .collectList();
        return Mono.zip(services, deadLetters, routesInForce(), refusedFigures, partnerClients).map(found -> {
            model.addAttribute("partnerClientsOffered", found.getT5().isPresent());
            model.addAttribute("partnerClients", found.getT5().orElse(List.of()));
            model.addAttribute("services", found.getT1());
            model.addAttribute("deadLetters", found.getT2());
            model.addAttribute("routes", found.getT3());
            model.addAttribute("refusedFigures", found.getT4());
            model.addAttribute("retaken", retaken);
            model.addAttribute("gatewayBreakers", gatewayBreakers());
            model.addAttribute("queued", queued);
            model.addAttribute("replayed", replayed);
            model.addAttribute("digestsSent", digestsSent);
            model.addAttribute("gatewayVersion", gatewayVersion);
            model.addAttribute("when", when);
            return "console/control-room";
        });
    }

    @PostMapping("/console/control-room/digests")
    Mono<String> sendDigests(Model model) {
        return calls.notifications().post().uri("/api/notifications/digests/send").bodyValue(Map.of())
                .retrieve().bodyToMono(Map.class)
                .map(answer -> "redirect:/console/control-room?digestsSent=" + number(answer.get("queued")))
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    private Mono<List<RouteInForce>> routesInForce() {
        return routes.getRoutes().map(route -> new RouteInForce(route.getId(), String.valueOf(route.getPredicate()),
                        String.valueOf(route.getUri())))
                .sort(Comparator.comparing(RouteInForce::id)).collectList();
    }

    @PostMapping("/console/control-room/dead-letters/{id}/replay")
    Mono<String> replay(@PathVariable String id, Model model) {
        return calls.notifications().post().uri("/api/notifications/dead-letters/{id}/replay", id).bodyValue(Map.of())
                .retrieve().toBodilessEntity()
                .thenReturn("redirect:/console/control-room?replayed=" + id)
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    /** Has measure-service take a refused figure in again; the page then says what became of it. */
    @PostMapping("/console/control-room/refused-figures/replay")
    Mono<String> takeInAgain(@ModelAttribute RefusedFigureForm form, Model model) {
        return calls.measures().post().uri("/api/measures/rejections/replay").bodyValue(Map.of("id", form.id()))
                .retrieve().bodyToMono(ReplayAnswer.class)
                .map(answer -> "redirect:/console/control-room?retaken=" + answer.outcome() + "#refused-figures")
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    /** Adds a partner system at the issuer and shows its secret on the page, this once. */
    @PostMapping("/console/control-room/partner-clients")
    Mono<String> addPartnerClient(@ModelAttribute PartnerClientForm form, Model model) {
        return calls.partnerClients().post().bodyValue(Map.of("clientId", stripped(form.clientId()),
                        "organisation", stripped(form.organisation()), "description", stripped(form.description())))
                .retrieve().bodyToMono(AddedPartnerClient.class)
                .flatMap(added -> {
                    model.addAttribute("addedPartner", added);
                    return controlRoom(null, null, null, null, null, model);
                })
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    @PostMapping("/console/control-room/partner-clients/{clientId}/remove")
    Mono<String> removePartnerClient(@PathVariable String clientId, Model model) {
        return calls.partnerClients().delete().uri("/{clientId}", clientId).retrieve().toBodilessEntity()
                .thenReturn("redirect:/console/control-room?removedPartner=" + clientId + "#partner-systems")
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    @PostMapping("/console/control-room/reminder-scan")
    Mono<String> runReminderScan(Model model) {
        return calls.notifications().post().uri("/api/notifications/reminders/scan").bodyValue(Map.of())
                .retrieve().bodyToMono(Map.class)
                .map(answer -> "redirect:/console/control-room?queued=" + number(answer.get("queued")))
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    private Mono<ServiceState> state(String name, WebClient service, boolean consumes) {
        Mono<Health> health = service.get().uri("/actuator/health")
                .exchangeToMono(response -> response.bodyToMono(Health.class))
                .timeout(PATIENCE).onErrorResume(e -> Mono.just(new Health("NOT ANSWERING", Map.of())));
        Mono<List<Breaker>> breakers = service.get().uri("/actuator/circuitbreakers").retrieve()
                .bodyToMono(Breakers.class).timeout(PATIENCE)
                .map(found -> found.circuitBreakers() == null ? List.<Breaker>of() : found.circuitBreakers()
                        .entrySet().stream().map(e -> new Breaker(e.getKey(), e.getValue().state(),
                                e.getValue().failureRate())).sorted(Comparator.comparing(Breaker::name)).toList())
                .onErrorResume(e -> Mono.just(List.of()));
        Mono<Long> lag = !consumes ? Mono.just(-1L) : service.get().uri(LAG_METRIC).retrieve()
                .bodyToMono(Metric.class).timeout(PATIENCE)
                .map(metric -> metric.measurements() == null ? -1L : metric.measurements().stream()
                        .filter(m -> "VALUE".equals(m.statistic()) && m.value() != null)
                        .mapToLong(m -> Math.round(m.value())).sum())
                .onErrorResume(e -> Mono.just(-1L));
        Mono<String> version = service.get().uri("/actuator/info").retrieve().bodyToMono(Info.class).timeout(PATIENCE)
                .map(this::version).onErrorResume(e -> Mono.just("not reported"));
        return Mono.zip(health, breakers, lag, version).map(found -> new ServiceState(name, found.getT1().status(),
                found.getT1().components(), found.getT2(), found.getT3() < 0 ? null : found.getT3(), consumes,
                found.getT4()));
    }

    private String version(Info info) {
        return info.build() == null ? "not reported" : version(info.build().version(), info.build().time());
    }

    private String version(String version, Instant built) {
        return version == null ? "not reported" : version + (built == null ? "" : ", built " + when.format(built));
    }

    private List<Breaker> gatewayBreakers() {
        CircuitBreakerRegistry registry = breakers.getIfAvailable();
        if (registry == null) {
            return List.of();
        }
        return registry.getAllCircuitBreakers().stream()
                .map(breaker -> new Breaker(breaker.getName(), breaker.getState().name(), rate(breaker)))
                .sorted(Comparator.comparing(Breaker::name)).toList();
    }

    private static String rate(CircuitBreaker breaker) {
        float rate = breaker.getMetrics().getFailureRate();
        return rate < 0 ? "not enough calls yet" : String.format("%.0f%%", rate);
    }

    private static String stripped(String field) {
        return field == null ? "" : field.strip();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
