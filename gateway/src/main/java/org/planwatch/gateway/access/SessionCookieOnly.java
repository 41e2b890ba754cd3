package org.planwatch.gateway.access;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A browser's sign-in lives in its session; a program's call carries a bearer token and no session cookie. Looking
 * the session up for such a call makes an empty one (a random id drawn on another thread) and throws it away, on
 * every request: a few milliseconds each. So the session is read only when the request brings its cookie, and
 * written, as before, when a browser signs in or is sent to sign in.
 */
final class SessionCookieOnly {

    static final String COOKIE = "SESSION";

    private SessionCookieOnly() {
    }

    static boolean carriesSession(ServerHttpRequest request) {
        return request.getCookies().containsKey(COOKIE);
    }

    static ServerSecurityContextRepository securityContexts() {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return sessions.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return carriesSession(exchange.getRequest()) ? sessions.load(exchange) : Mono.empty();
            }
        };
    }

    static ServerRequestCache requestCache() {
        WebSessionServerRequestCache sessions = new WebSessionServerRequestCache();
        return new ServerRequestCache() {
            @Override
            public Mono<Void> saveRequest(ServerWebExchange exchange) {
                return sessions.saveRequest(exchange);
            }

            @Override
            public Mono<java.net.URI> getRedirectUri(ServerWebExchange exchange) {
                return carriesSession(exchange.getRequest()) ? sessions.getRedirectUri(exchange) : Mono.empty();
            }

            @Override
            public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
                return carriesSession(exchange.getRequest()) ? sessions.removeMatchingRequest(exchange) : Mono.empty();
            }
        };
    }
}
