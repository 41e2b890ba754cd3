package org.planwatch.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.planwatch.api.limits.InputLimits;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every planwatch API document says alike, so that the document states what the code enforces: who may call
 * (bearer tokens from the partnership's OpenID Connect provider), the refusals every operation can answer
 * (problem+json 400, 401, 403, 413, 429 with the gateway's rate-limit headers, 500, 503), and a limit on every
 * string, array and integer. Limits a request record declares ({@code @Size}) stay as they are; the rest get the
 * service-wide ones {@link InputLimits} enforces on input, which also bound what can ever be stored and returned.
 */
public class PublicApiConventions implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final String issuer;

    public PublicApiConventions(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token (JWT) from the partnership's OpenID Connect provider, "
                        + "with the caller's roles (ADMINISTRATOR, LEAD, PARTNER). Programs get one with the client "
                        + "credentials grant at " + issuer + "/oauth2/token. Checked as RFC8725 advises: RS256 or ES256 "
                        + "signatures only (never none or HS256), issuer, audience planwatch, expiry and not-before."));
        components.addSecuritySchemes("oauth2", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("People sign in through the gateway (authorization code with PKCE); the gateway keeps "
                        + "their short-lived JWT access tokens, checked as RFC8725 advises, and refreshes them.")
                .flows(new OAuthFlows().authorizationCode(new OAuthFlow().authorizationUrl(issuer + "/oauth2/authorize")
                        .tokenUrl(issuer + "/oauth2/token").refreshUrl(issuer + "/oauth2/token").scopes(new Scopes()))));
        components.addSchemas(PROBLEM, problemSchema());
        api.setSecurity(List.of(new SecurityRequirement().addList("bearer"), new SecurityRequirement().addList("oauth2")));
        api.setServers(List.of(new Server().url("/").description(
                "The gateway that served this document (production, staging or local alike): the only way in.")
                .extensions(Map.of("x-internal", false))));

        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(this::document));
        }
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(schema -> limit(schema, seen));
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> limit(operation, seen)));
        }
    }

    private void document(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            refusal(responses, "400", "A parameter or field is invalid: the problem names each one and why.");
        }
        refusal(responses, "401", "No valid access token (missing, expired, wrong issuer or audience, bad signature).");
        refusal(responses, "403", "The caller's role or partnership does not allow this.");
        if (operation.getRequestBody() != null) {
            refusal(responses, "413", "The body is larger than the service takes (1 MB).");
        }
        refusal(responses, "429", "Too many requests from this caller on this route; try again after Retry-After seconds.")
                .addHeaderObject("Retry-After", header("Seconds to wait before trying again.", 0, 3600));
        refusal(responses, "500", "The service failed; nothing was changed by the request.");
        refusal(responses, "503", "The service is unavailable or its circuit is open; try again after Retry-After.")
                .addHeaderObject("Retry-After", header("Seconds to wait before trying again.", 0, 3600));
        responses.forEach((status, response) -> {
            response.addHeaderObject("Access-Control-Allow-Origin", new Header()
                    .description("Sent only to the console's own origin when it is served from another one "
                            + "(PLANWATCH_CONSOLE_ORIGIN); no other origin is ever allowed.")
                    .schema(new StringSchema().format("uri").maxLength(InputLimits.MAX_NAME_LENGTH)));
            if (status.startsWith("2") || status.startsWith("4")) {
                response.addHeaderObject("X-RateLimit-Limit",
                        header("Requests this caller may make on this route in a burst.", 1, 1_000_000));
                response.addHeaderObject("X-RateLimit-Remaining",
                        header("Requests left in the current burst.", 0, 1_000_000));
            }
        });
    }

    private static ApiResponse refusal(ApiResponses responses, String status, String description) {
        return responses.computeIfAbsent(status, s -> new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Header header(String description, long min, long max) {
        return new Header().description(description)
                .schema(new IntegerSchema().minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().maxLength(InputLimits.MAX_NAME_LENGTH))
                .addProperty("reason", new StringSchema().maxLength(InputLimits.MAX_TEXT_LENGTH));
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").maxLength(InputLimits.MAX_NAME_LENGTH))
                .addProperty("title", new StringSchema().maxLength(InputLimits.MAX_NAME_LENGTH))
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(InputLimits.MAX_TEXT_LENGTH))
                .addProperty("instance", new StringSchema().maxLength(InputLimits.MAX_QUERY_LENGTH))
                .addProperty("field", new StringSchema().maxLength(InputLimits.MAX_NAME_LENGTH))
                .addProperty("errors", new ArraySchema().items(error).maxItems(InputLimits.MAX_ITEMS));
    }

    private static void limit(Operation operation, Map<Schema<?>, Boolean> seen) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getSchema() != null) {
                    int length = "path".equals(parameter.getIn()) ? InputLimits.MAX_PATH_VARIABLE_LENGTH
                            : InputLimits.MAX_QUERY_LENGTH;
                    limit(parameter.getSchema(), seen, length);
                }
            }
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> limit(media.getSchema(), seen));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    response.getContent().values().forEach(media -> limit(media.getSchema(), seen));
                }
            });
        }
    }

    private static void limit(Schema<?> schema, Map<Schema<?>, Boolean> seen) {
        limit(schema, seen, InputLimits.MAX_TEXT_LENGTH);
    }

    /** Gives every string, array and integer below {@code schema} that has none the limit the service enforces. */
    private static void limit(Schema<?> schema, Map<Schema<?>, Boolean> seen, int maxLength) {
        if (schema == null || schema.get$ref() != null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
        if ("string".equals(type) && schema.getMaxLength() == null && schema.getEnum() == null && schema.getConst() == null) {
            schema.setMaxLength(maxLength);
        }
        if ("array".equals(type) && schema.getMaxItems() == null) {
            schema.setMaxItems(InputLimits.MAX_ITEMS);
        }
        if ("integer".equals(type)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        limit(schema.getItems(), seen, maxLength);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> limit(property, seen, InputLimits.MAX_TEXT_LENGTH));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            limit(values, seen, InputLimits.MAX_TEXT_LENGTH);
        }
        for (List<Schema> composed : List.of(nullSafe(schema.getAllOf()), nullSafe(schema.getOneOf()), nullSafe(schema.getAnyOf()))) {
            composed.forEach(part -> limit(part, seen, maxLength));
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nullSafe(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
