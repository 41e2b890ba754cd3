package org.planwatch.gateway.access;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.core.ResolvableType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Refusals written as problem+json, the same shape the services and the fallbacks answer with. */
public final class Problems {

    private final ServerCodecConfigurer codecs;

    public Problems(ServerCodecConfigurer codecs) {
        this.codecs = codecs;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://planwatch.org/problems/" + type));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(status);
        @SuppressWarnings("unchecked")
        HttpMessageWriter<ProblemDetail> writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(ResolvableType.forClass(ProblemDetail.class),
                        MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst().orElseThrow();
        return writer.write(Mono.just(problem), ResolvableType.forClass(ProblemDetail.class),
                MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), java.util.Map.of());
    }
}
