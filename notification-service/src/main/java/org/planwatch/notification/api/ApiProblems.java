package org.planwatch.notification.api;

import org.planwatch.api.ProblemHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** notification-service's refusals, as problem+json in the shape every planwatch service uses. */
@RestControllerAdvice
class ApiProblems extends ProblemHandler {
}
