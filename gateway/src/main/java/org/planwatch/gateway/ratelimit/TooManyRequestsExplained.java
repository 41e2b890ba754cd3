package org.planwatch.gateway.ratelimit;

import org.planwatch.gateway.access.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A caller told to wait gets problem+json saying for how long, as every other refusal does: the gateway's rate limit
 * filter itself answers 429 with Retry-After and an empty body.
 */
@Component
class TooManyRequestsExplained implements GlobalFilter, Ordered {

    private final Problems problems;

    TooManyRequestsExplained(ServerCodecConfigurer codecs) {
        this.problems = new Problems(codecs);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponseDecorator explained = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (!HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode())) {
                    return super.setComplete();
                }
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                        "this caller has sent more requests to this part of the API than its limit allows; try again"
                                + " after " + getHeaders().getFirst(HttpHeaders.RETRY_AFTER) + " s (Retry-After)");
            }
        };
        return chain.filter(exchange.mutate().response(explained).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
