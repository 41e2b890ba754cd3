package org.planwatch.gateway.bodylimit;

import java.util.Optional;
import org.planwatch.gateway.access.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A body sent without a Content-Length (chunked) has no size to refuse it by, so the RequestSize filter lets it
 * through. Such a body is read here up to the route's limit (metadata {@code max-body-size}, else
 * {@code planwatch.max-request-size}) and passed on with its length; one byte more and it is refused with 413,
 * before anything reaches a service and without holding more than the limit in memory.
 */
@Component
class StreamedBodyLimit implements GlobalFilter, Ordered {

    static final String ROUTE_LIMIT = "max-body-size";
    private final DataSize defaultLimit;
    private final Problems problems;

    StreamedBodyLimit(@Value("${planwatch.max-request-size:1MB}") DataSize defaultLimit, ServerCodecConfigurer codecs) {
        this.defaultLimit = defaultLimit;
        this.problems = new Problems(codecs);
    }

    @Override
    public int getOrder() {
        // Before the route's own filters: a circuit breaker must never see a refused body as a service failure.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (headers.getContentLength() >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        long limit = limit(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
                .defaultIfEmpty(exchange.getResponse().bufferFactory().wrap(new byte[0]))
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate().request(withLength(request, body.get())).build())
                        : tooLarge(exchange, limit));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "the body is larger than the " + DataSize.ofBytes(limit).toMegabytes() + " MB this route takes");
    }

    private long limit(Route route) {
        Object declared = route == null ? null : route.getMetadata().get(ROUTE_LIMIT);
        return declared == null ? defaultLimit.toBytes() : DataSize.parse(declared.toString()).toBytes();
    }

    private static ServerHttpRequest withLength(ServerHttpRequest request, DataBuffer body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.readableByteCount());
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }
}
