package org.planwatch.gateway.console;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every console page has: its viewer, the form token, and where signing in lands. */
@Controller
@ControllerAdvice(basePackages = "org.planwatch.gateway.console")
class ConsolePages {

    @ModelAttribute("viewer")
    Mono<Viewer> viewer() {
        return Viewer.current();
    }

    /** Every form posts this back; a forged cross-site form cannot know it. */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /** Lets a page answer with the status of what it shows (a refusal's 403, a 404), not 200. */
    @ModelAttribute("response")
    ServerHttpResponse response(ServerWebExchange exchange) {
        return exchange.getResponse();
    }

    /**
     * A service that cannot be reached, does not answer in time or fails (anything but a refusal a page shows): the
     * error page's "Sorry, there is a problem with the service", answered 503, as the API's fallback answers.
     */
    @ExceptionHandler(WebClientException.class)
    Mono<String> serviceUnavailable(WebClientException e) {
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e));
    }

    /** Lead professionals start at their own actions; administrators at the partnership's plans. */
    @GetMapping({"/", "/console"})
    Mono<String> start() {
        return Viewer.current().map(viewer -> viewer.isLead() && !viewer.isAdministrator()
                        ? "redirect:/console/my-actions" : "redirect:/console/plans");
    }

    @GetMapping("/console/signed-out")
    String signedOut() {
        return "console/signed-out";
    }
}
