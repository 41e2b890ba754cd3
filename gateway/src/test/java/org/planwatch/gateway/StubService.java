package org.planwatch.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for the services behind the gateway: it answers what the query asks
 * ({@code ?status=500}, {@code ?slow=2000}) and remembers how often it was reached and the last request.
 */
public final class StubService {

    public record Request(String method, String uri, Headers headers) {
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Request> last = new AtomicReference<>();

    public StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            last.set(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders()));
            exchange.getRequestBody().readAllBytes();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (query.startsWith("slow=")) {
                try {
                    Thread.sleep(Long.parseLong(query.substring(5)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = query.startsWith("status=") ? Integer.parseInt(query.substring(7)) : 200;
            byte[] body = "{\"served\":\"plan-service\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    public Request last() {
        return last.get();
    }

    public void stop() {
        server.stop(0);
    }
}
