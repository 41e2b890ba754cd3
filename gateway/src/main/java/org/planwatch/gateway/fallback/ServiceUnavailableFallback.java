package org.planwatch.gateway.fallback;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The circuit breakers' fallback: 503 problem+json naming the service, with a hint to retry shortly. */
@RestController
public class ServiceUnavailableFallback {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
        return unavailable(service, service
                + " is not answering at the moment; nothing was changed by this request. Try again shortly.");
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
