package org.planwatch.gateway.fallback;

import java.net.ConnectException;
import java.net.URI;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** The circuit breakers' fallback: 503 problem+json naming the service, with a hint to retry shortly. */
@RestController
public class ServiceUnavailableFallback {

    /**
     * Says whether the request may have been carried out: a refused connection never reached the service, but a
     * request cut off or timed out on its way back may have made its change (an import that had begun is finished
     * by plan-service on its own).
     */
    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean neverReached = failure != null
                && NestedExceptionUtils.getMostSpecificCause(failure) instanceof ConnectException;
        boolean reading = HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || HttpMethod.HEAD.equals(exchange.getRequest().getMethod());
        return unavailable(service, service + " is not answering at the moment; " + (neverReached || reading
                ? "nothing was changed by this request. Try again shortly."
                : "a change this request asked for may have been made before the answer was lost: read it again "
                        + "before repeating it." + (service.equals("plan-service")
                        ? " An import that had begun is finished by plan-service when it is back." : "")));
    }

    /** 503 problem+json naming the service, with Retry-After: for anything the gateway could not get from it. */
    public static ResponseEntity<ProblemDetail> unavailable(String service, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("https://planwatch.org/problems/service-unavailable"));
        problem.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
