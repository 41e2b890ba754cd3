package org.planwatch.testsupport;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that talk to a service the way a user's client would. */
public final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_ANSWERS = "application/json, application/problem+json";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public HttpJson(String baseUrl) {
        this(baseUrl, null);
    }

    private HttpJson(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The same client sending {@code Authorization: Bearer token} unless a request names its own. */
    public HttpJson as(String token) {
        return new HttpJson(baseUrl, token);
    }

    /** A response: its status, headers and body, parsed as JSON when it is JSON. */
    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            String body = raw.body();
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The text at a JsonPath in the body: {@code at("$.themes[0].outcomes[0].id")}. */
        public String at(String path) {
            return at(path, String.class);
        }

        public <T> T at(String path, Class<T> type) {
            return HttpJson.at(raw.body(), path, type);
        }

        /** Every text a JsonPath with a wildcard finds: {@code list("$.items[*].id")}. */
        public List<String> list(String path) {
            return JsonPath.read(raw.body(), path);
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Response patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Uploads a file as the multipart/form-data part {@code file}, as a browser's file input sends it. */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "planwatch-" + System.nanoTime();
        return execute(request(path, Duration.ofSeconds(60), JSON_ANSWERS)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString("--" + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofByteArray(content),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build());
    }

    /** Posts a JSON body as a stream, without a Content-Length: sent chunked, as a client streaming its body would. */
    public Response postStreamed(String path, byte[] body) {
        return execute(request(path, Duration.ofSeconds(30), JSON_ANSWERS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    /**
     * Sends a request; {@code body} is serialised to JSON unless it is already a String. {@code headers} (name,
     * value, ...) are added; a Content-Type or Authorization among them replaces the default.
     */
    public Response send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = request(path, Duration.ofSeconds(30), JSON_ANSWERS).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type") || headers[i].equalsIgnoreCase("Authorization")) {
                request.setHeader(headers[i], headers[i + 1]);
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return execute(request.build());
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** The value at a JsonPath in a JSON document, such as an event read from Kafka. */
    public static <T> T at(String json, String path, Class<T> type) {
        return JsonPath.parse(json).read(path, type);
    }

    public static String at(String json, String path) {
        return at(json, path, String.class);
    }

    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A picture or another body that is not text: its status, content type and bytes. */
    public record Binary(int status, String contentType, byte[] body) {
    }

    /** GETs {@code path} as bytes, accepting {@code accept}. */
    public Binary bytes(String path, String accept) {
        HttpResponse<byte[]> response = exchange(request(path, Duration.ofSeconds(30), accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    private HttpRequest.Builder request(String path, Duration timeout, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", accept);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response execute(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response);
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
