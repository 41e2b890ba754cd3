package org.planwatch.gateway.console.controlroom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planwatch.gateway.console.ServiceCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    ControlRoomPages(ServiceCalls calls, ObjectProvider<CircuitBreakerRegistry> breakers) {
        this.calls = calls;
        this.breakers = breakers;
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

    /** One service as the control room shows it; {@code lag} is null where the service consumes no topic. */
    record ServiceState(String name, String status, Map<String, Component> components, List<Breaker> breakers,
                        Long lag, boolean consumes) {

        public boolean up() {
            return "UP".equals(status);
        }
    }

    @GetMapping("/console/control-room")
    Mono<String> controlRoom(@RequestParam(required = false) Integer queued, Model model) {
        return Flux.concat(
                        state("plan-service", calls.plans(), false),
                        state("measure-service", calls.measures(), true),
                        state("notification-service", calls.notifications(), true))
                .collectList()
                .map(services -> {
                    model.addAttribute("services", services);
                    model.addAttribute("gatewayBreakers", gatewayBreakers());
                    model.addAttribute("queued", queued);
                    return "console/control-room";
                });
    }

    @PostMapping("/console/control-room/reminder-scan")
    Mono<String> runReminderScan(Model model) {
        return calls.notifications().post().uri("/api/notifications/reminders/scan").bodyValue(Map.of())
                .retrieve().bodyToMono(Map.class)
                .map(answer -> "redirect:/console/control-room?queued=" + number(answer.get("queued")))
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> {
                    model.addAttribute("refusal", refusal);
                    return Mono.just("console/refused");
                }));
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
        return Mono.zip(health, breakers, lag).map(found -> new ServiceState(name, found.getT1().status(),
                found.getT1().components(), found.getT2(), found.getT3() < 0 ? null : found.getT3(), consumes));
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

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
