package org.planwatch.api;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.planwatch.problem.ConflictException;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal as problem+json: a {@code title}, a {@code detail} a person can act on, and for bad input the
 * offending {@code field} (the first) and every invalid field with its reason in {@code errors}. Unexpected failures
 * answer 500 without internals. Each service has one {@code @RestControllerAdvice} that extends this and adds what
 * only it refuses.
 */
public abstract class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPES = "https://planwatch.org/problems/";

    /** One invalid part of a request: {@code leads[0]}, {@code review.cadence}, {@code If-Match}. */
    public record FieldError(String field, String reason) {
    }

    @ExceptionHandler(InvalidFieldException.class)
    protected ProblemDetail invalidField(InvalidFieldException e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    /** The domain's plain refusals, and Spring Security's when a service method refuses the caller itself. */
    @ExceptionHandler({NotFoundException.class, ConflictException.class, ForbiddenException.class,
            AuthenticationException.class, AccessDeniedException.class})
    protected ProblemDetail refused(RuntimeException e) {
        if (e instanceof NotFoundException) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        }
        if (e instanceof AuthenticationException) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required", e.getMessage());
        }
        String title = e instanceof ForbiddenException forbidden ? forbidden.title() : "Not allowed";
        return problem(HttpStatus.FORBIDDEN, "forbidden", title, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another form" : e.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldError(e.getName(), "'" + e.getValue() + "' is not a valid " + expected)));
    }

    @ExceptionHandler(Exception.class)
    protected ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the service could not complete the request; nothing was changed by it");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof JacksonException json) {
            return ResponseEntity.badRequest().body(unreadable(json));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(
                new FieldError("body", "the request body is missing or unreadable"))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(f -> new FieldError(f.getField(), f.isBindingFailure()
                        ? "'" + f.getRejectedValue() + "' is not a valid value here"
                        : String.valueOf(f.getDefaultMessage()))).toList();
        return ResponseEntity.badRequest().body(invalid(errors.isEmpty()
                ? List.of(new FieldError("body", "is invalid")) : errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    /**
     * A field of the wrong type or shape, a field no request has, or a body that is not JSON at all; also Jackson's
     * refusals of a body read outside a request body converter.
     */
    @ExceptionHandler(JacksonException.class)
    protected ProblemDetail unreadable(JacksonException json) {
        if (json.getPath().isEmpty()) {
            // Jackson's own words here name the Java class the body was read into: not for callers.
            return invalid(List.of(new FieldError("body", json instanceof MismatchedInputException
                    ? "must be a JSON object holding the request's fields"
                    : "is not valid JSON" + (json.getLocation() == null ? "" : " (line "
                            + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")"))));
        }
        String field = json.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String reason = json instanceof UnrecognizedPropertyException unknown
                ? "is not a field this request accepts; it accepts " + unknown.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().toList()
                : "has a value of the wrong type or shape";
        return invalid(List.of(new FieldError(field, reason)));
    }

    protected static ProblemDetail invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("field", first.field());
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
