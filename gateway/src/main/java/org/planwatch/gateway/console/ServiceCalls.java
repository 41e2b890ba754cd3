package org.planwatch.gateway.console;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's calls to the services, made as the signed-in person: their access token is relayed (and renewed
 * when it runs out), and the instances are those the gateway's routes balance across.
 */
@Component
public class ServiceCalls {

    private final WebClient plans;
    private final WebClient measures;
    private final WebClient notifications;
    private final WebClient partnerClients;

    ServiceCalls(JsonMapper json, ReactorLoadBalancerExchangeFilterFunction balanced,
                 ReactiveOAuth2AuthorizedClientManager authorizedClients,
                 @Value("${planwatch.partner-clients.uri:${spring.security.oauth2.resourceserver.jwt.issuer-uri}"
                         + "/admin/partner-clients}") String partnerClientsUri,
                 @Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout:30s}") Duration patience) {
        // A service that hangs is given up on as the API routes give up on it, so a page never waits for ever.
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000).responseTimeout(patience);
        // The application's JSON settings (unknown fields ignored: a service may add fields the console does not show).
        WebClient.Builder builder = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).codecs(codecs -> {
            codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
            codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
        });
        ServerOAuth2AuthorizedClientExchangeFilterFunction asThePersonSignedIn =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(authorizedClients);
        asThePersonSignedIn.setDefaultOAuth2AuthorizedClient(true);
        WebClient.Builder relayed = builder.clone().filter(asThePersonSignedIn).filter(balanced);
        this.plans = relayed.clone().baseUrl("http://plan-service").build();
        this.measures = relayed.clone().baseUrl("http://measure-service").build();
        this.notifications = relayed.clone().baseUrl("http://notification-service").build();
        // The issuer's partner-client API (the local issuer's; another provider manages its clients itself).
        this.partnerClients = builder.clone().filter(asThePersonSignedIn).baseUrl(partnerClientsUri).build();
    }

    public WebClient partnerClients() {
        return partnerClients;
    }

    public WebClient plans() {
        return plans;
    }

    public WebClient measures() {
        return measures;
    }

    public WebClient notifications() {
        return notifications;
    }

    /** A page of a list as the services return it. */
    public record Page<T>(List<T> items, long totalItems, int totalPages) {
    }

    /**
     * A refusal from a service (problem+json), for a page to show in its own words: the status, the detail, each
     * field's reason and, for a stale version, the current state.
     */
    public record Refusal(int status, String title, String detail, List<FieldError> errors, Map<String, Object> body) {

        public record FieldError(String field, String reason) {
        }

        public static Refusal of(WebClientResponseException e) {
            Map<String, Object> body = Map.of();
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> read = e.getResponseBodyAs(Map.class);
                body = read == null ? Map.of() : read;
            } catch (RuntimeException unreadable) {
                // Not problem+json (a proxy's page): the status says enough.
            }
            List<FieldError> errors = body.get("errors") instanceof List<?> many ? many.stream()
                    .filter(Map.class::isInstance).map(Map.class::cast)
                    .map(m -> new FieldError(String.valueOf(m.get("field")), String.valueOf(m.get("reason"))))
                    .toList() : List.of();
            if (errors.isEmpty() && body.get("field") != null) {
                errors = List.of(new FieldError(String.valueOf(body.get("field")), String.valueOf(body.get("detail"))));
            }
            return new Refusal(e.getStatusCode().value(), String.valueOf(body.getOrDefault("title", e.getStatusText())),
                    String.valueOf(body.getOrDefault("detail", "")), errors, body);
        }

        public boolean is(HttpStatusCode code) {
            return status == code.value();
        }
    }

    /** A service's refusal shown as the console's "You cannot do this" or "Page not found"; other failures as errors. */
    public static Function<Throwable, Mono<String>> refusedPage(Model model) {
        return e -> refusalAs(e, refusal -> refused(refusal, model));
    }

    /** The console's "You cannot do this" or "Page not found" for a refusal, answered with the refusal's status. */
    public static Mono<String> refused(Refusal refusal, Model model) {
        model.addAttribute("refusal", refusal);
        if (model.getAttribute("response") instanceof ServerHttpResponse response) {
            response.setStatusCode(HttpStatusCode.valueOf(refusal.status()));
        }
        return Mono.just("console/refused");
    }

    /** Turns a service's refusal into a value a page can render, leaving other failures to the error page. */
    public static <T> Mono<T> refusalAs(Throwable e, Function<Refusal, Mono<T>> page) {
        if (e instanceof WebClientResponseException refused && refused.getStatusCode().is4xxClientError()) {
            return page.apply(Refusal.of(refused));
        }
        return Mono.error(e);
    }
}
