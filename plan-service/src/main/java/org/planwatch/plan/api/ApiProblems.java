package org.planwatch.plan.api;

import org.planwatch.api.ProblemHandler;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.VersionRequiredException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * plan-service's refusals, as problem+json in the shape every planwatch service uses, plus its own: a change
 * without a version (428) and a change based on a stale one (412). A feature adds the current state to a 412
 * itself, with {@link #stale}.
 */
@RestControllerAdvice
public class ApiProblems extends ProblemHandler {

    @ExceptionHandler(VersionRequiredException.class)
    ProblemDetail versionRequired(VersionRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                e.getMessage());
        problem.setProperty("field", "If-Match");
        return problem;
    }

    /** A 412 without the current state, for a stale version no feature rendered. */
    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return stale(e, null);
    }

    /** 412 with the version and state the caller should look at before trying again. */
    public static ResponseEntity<ProblemDetail> stale(StaleVersionException e, Object current) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                e.getMessage() + "; someone changed it since you read it. Review the current state and try again.");
        problem.setProperty("currentVersion", e.currentVersion());
        if (current != null) {
            problem.setProperty("current", current);
        }
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, RequestVersion.etag(e.currentVersion())).body(problem);
    }
}
