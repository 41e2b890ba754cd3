import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * The floor under the gateway: the same server and client it is built on (Reactor Netty, same JVM options) passing
 * GET requests on with their bearer token and nothing else: no routes, security, limits, breakers or metrics. What
 * the gateway costs beyond this is what its features cost. Used by run-gateway-benchmark.sh only; never deployed.
 * Usage: java -cp <Reactor Netty's jars> ReactorNettyFloor.java <port> <service base URL>
 */
public class ReactorNettyFloor {
    public static void main(String[] args) {
        HttpClient service = HttpClient.create().baseUrl(args[1]);
        HttpServer.create().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .handle((request, response) -> service
                        .headers(headers -> headers.set("Authorization", request.requestHeaders().get("Authorization")))
                        .get().uri(request.uri())
                        .responseSingle((answer, body) -> body.asByteArray().defaultIfEmpty(new byte[0]).map(bytes -> {
                            response.status(answer.status());
                            response.responseHeaders().set("Content-Type", answer.responseHeaders().get("Content-Type"));
                            return bytes;
                        }))
                        .flatMap(bytes -> response.sendByteArray(Mono.just(bytes)).then()))
                .bindNow().onDispose().block();
    }
}
