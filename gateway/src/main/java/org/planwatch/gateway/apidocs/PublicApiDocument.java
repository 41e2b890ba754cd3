package org.planwatch.gateway.apidocs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.planwatch.gateway.fallback.ServiceUnavailableFallback;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI document for the whole public API: each service's own document, fetched from the service and merged
 * (paths, schemas, security schemes, tags). A schema name two services use for different shapes is kept apart by
 * prefixing the later one with its service's name. Cached briefly, so the document follows a redeployed service.
 * Anyone may read it, as anyone may read a public API's reference.
 */
@RestController
class PublicApiDocument {

    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private static final List<String> SERVICES = List.of("plan-service", "measure-service", "notification-service");

    private final WebClient http;
    private final JsonMapper json;
    private final ReactiveDiscoveryClient discovery;
    private final Mono<String> merged;

    PublicApiDocument(JsonMapper json, ReactiveDiscoveryClient discovery) {
        this.http = WebClient.create();
        this.json = json;
        this.discovery = discovery;
        this.merged = Flux.fromIterable(SERVICES)
                .flatMapSequential(this::fetch)
                .collectList()
                .map(this::merge)
                .cache(document -> FRESH_FOR, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @GetMapping(value = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> document() {
        return merged.<ResponseEntity<?>>map(ResponseEntity::ok).onErrorResume(ServiceDocumentMissing.class, missing ->
                Mono.just(ServiceUnavailableFallback.unavailable(missing.service,
                        missing.service + " did not give its API document; try again shortly.")));
    }

    /** From the first of the service's instances (the routes' own, from discovery) that answers. */
    private Mono<Map.Entry<String, ObjectNode>> fetch(String service) {
        return discovery.getInstances(service)
                .concatMap(instance -> http.get().uri(instance.getUri() + "/v3/api-docs").retrieve()
                        .bodyToMono(String.class).timeout(Duration.ofSeconds(30)).onErrorResume(failure -> Mono.empty()))
                .next()
                .switchIfEmpty(Mono.error(() -> new ServiceDocumentMissing(service, null)))
                .map(body -> Map.entry(service, (ObjectNode) json.readTree(body)));
    }

    private String merge(List<Map.Entry<String, ObjectNode>> documents) {
        ObjectNode whole = json.createObjectNode();
        ObjectNode first = documents.get(0).getValue();
        whole.set("openapi", first.get("openapi"));
        whole.putObject("info").put("title", "planwatch API").put("version", first.path("info").path("version").asString("v1"))
                .put("description", "Plans, actions and leads (plan-service), measures (measure-service) and "
                        + "notifications (notification-service), all through the gateway. Every call needs an access "
                        + "token; the roles allowed are named in each service's rules (gateway README).");
        whole.set("servers", first.get("servers"));
        whole.set("security", first.get("security"));
        ObjectNode paths = whole.putObject("paths");
        ObjectNode components = whole.putObject("components");
        var tags = whole.putArray("tags");
        for (Map.Entry<String, ObjectNode> entry : documents) {
            ObjectNode document = keepApart(entry.getKey(), entry.getValue(), components.path("schemas"));
            document.path("paths").properties().forEach(path -> paths.set(path.getKey(), path.getValue()));
            document.path("components").properties().forEach(section -> {
                ObjectNode into = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().properties().forEach(named -> into.set(named.getKey(), named.getValue()));
            });
            document.path("tags").forEach(tags::add);
        }
        return json.writeValueAsString(whole);
    }

    /** The document with its schemas renamed where another service already has a different schema of that name. */
    private ObjectNode keepApart(String service, ObjectNode document, JsonNode schemasSoFar) {
        String text = json.writeValueAsString(document);
        String prefix = Character.toUpperCase(service.charAt(0)) + service.substring(1, service.indexOf('-'));
        for (var schema : document.path("components").path("schemas").properties()) {
            JsonNode existing = schemasSoFar.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                text = text.replace("\"#/components/schemas/" + schema.getKey() + "\"",
                        "\"#/components/schemas/" + prefix + schema.getKey() + "\"");
                ObjectNode renamed = (ObjectNode) json.readTree(text);
                ObjectNode schemas = (ObjectNode) renamed.path("components").path("schemas");
                schemas.set(prefix + schema.getKey(), schemas.remove(schema.getKey()));
                text = json.writeValueAsString(renamed);
            }
        }
        return (ObjectNode) json.readTree(text);
    }

    private static final class ServiceDocumentMissing extends RuntimeException {
        final String service;

        ServiceDocumentMissing(String service, Throwable cause) {
            super(service + " did not give its API document", cause);
            this.service = service;
        }
    }
}
