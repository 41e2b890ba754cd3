package org.planwatch.gateway.tracing;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the request's trace on to the service as a child of the gateway's span (W3C {@code traceparent}). The span is
 * the one the gateway already opened for the incoming request; Spring Cloud Gateway's own observability would time a
 * second, client-side observation on every request to do the same (with its metrics: a twentieth of the gateway's
 * work), so it is turned off ({@code spring.cloud.gateway.server.webflux.observability.enabled}).
 */
class TraceContextPassedOn implements HttpHeadersFilter {

    private final Propagator propagator;

    TraceContextPassedOn(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(request -> request.<TracingContext>get(TracingContext.class))
                .filter(tracing -> tracing.getSpan() != null)
                .map(tracing -> {
                    HttpHeaders passedOn = new HttpHeaders();
                    passedOn.putAll(input);
                    propagator.fields().forEach(passedOn::remove);
                    propagator.inject(tracing.getSpan().context(), passedOn, HttpHeaders::set);
                    return passedOn;
                })
                .orElse(input);
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
