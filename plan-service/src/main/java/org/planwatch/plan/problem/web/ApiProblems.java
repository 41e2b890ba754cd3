package org.planwatch.plan.problem.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.web.ActionResponses;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.web.PlanResponse;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.VersionRequiredException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.concurrency.web.RequestVersion;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.web.LeadResponse;
import org.planwatch.plan.problem.ConflictException;
import org.planwatch.plan.problem.InvalidFieldException;
import org.planwatch.plan.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as problem+json: a {@code title}, a {@code detail} a person can act on, and for bad input the
 * offending {@code field} (also listed in {@code errors}). Unexpected failures answer 500 without internals.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPES = "https://planwatch.org/problems/";

    private final ActionResponses actionResponses;

    ApiProblems(ActionResponses actionResponses) {
        this.actionResponses = actionResponses;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return invalid(e.field(), e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(VersionRequiredException.class)
    ProblemDetail versionRequired(VersionRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                e.getMessage());
        problem.setProperty("field", "If-Match");
        return problem;
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                e.getMessage() + "; someone changed it since you read it. Review the current state and try again.");
        problem.setProperty("currentVersion", e.currentVersion());
        problem.setProperty("current", render(e.current()));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, RequestVersion.etag(e.currentVersion())).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another form" : e.getRequiredType().getSimpleName();
        return invalid(e.getName(), "'" + e.getValue() + "' is not a valid " + expected);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the service could not complete the request; nothing was changed by it");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = cause(e, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ResponseEntity.badRequest().body(invalid(field, "has a value of the wrong type or shape"));
        }
        String reason = json != null ? "the body is not valid JSON: " + json.getOriginalMessage()
                : "the request body is missing or unreadable";
        return ResponseEntity.badRequest().body(invalid("body", reason));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var first = e.getBindingResult().getFieldErrors().stream().findFirst();
        return ResponseEntity.badRequest().body(invalid(first.map(f -> f.getField()).orElse("body"),
                first.map(f -> f.getDefaultMessage()).orElse("is invalid")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(e.getParameterName(), "is required"));
    }

    private Object render(Object current) {
        if (current instanceof Versioned<?> versioned) {
            Object value = versioned.value();
            if (value instanceof Action action) {
                return actionResponses.one(action, versioned.version());
            }
            if (value instanceof Plan plan) {
                return PlanResponse.from(plan, versioned.version());
            }
            if (value instanceof Lead lead) {
                return LeadResponse.from(lead, versioned.version());
            }
        }
        return null;
    }

    static ProblemDetail invalid(String field, String reason) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request",
                field + ": " + reason);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
