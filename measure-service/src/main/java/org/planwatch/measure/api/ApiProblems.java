package org.planwatch.measure.api;

import org.planwatch.api.ProblemHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** measure-service's refusals, as problem+json in the shape every planwatch service uses. */
@RestControllerAdvice
public class ApiProblems extends ProblemHandler {
}
