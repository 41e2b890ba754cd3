package org.planwatch.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A program sends the same bearer token with every request for minutes on end, and checking its signature and claims
 * anew each time was an eighth of the gateway's work per request. A token that passed every check is remembered by
 * its whole text (signature included: a token changed in any way is a stranger) and after that only its lifetime is
 * checked. A refused token is never remembered. The services check every token in full themselves, so a signing key
 * the provider withdraws is refused there at once and here after {@link #REMEMBERED_FOR} at most.
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 10_000;

    private final ReactiveJwtDecoder fullCheck;
    private final OAuth2TokenValidator<Jwt> lifetime;
    private final Cache<String, Jwt> passed = Caffeine.newBuilder()
            .maximumSize(MOST_TOKENS)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    RememberedTokens(ReactiveJwtDecoder fullCheck, Clock clock) {
        this.fullCheck = fullCheck;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.lifetime = timestamps;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = passed.getIfPresent(token);
        if (known == null) {
            return fullCheck.decode(token).doOnNext(jwt -> passed.put(token, jwt));
        }
        OAuth2TokenValidatorResult stillValid = lifetime.validate(known);
        if (stillValid.hasErrors()) {
            passed.invalidate(token);
            return Mono.error(new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: "
                            + stillValid.getErrors().iterator().next().getDescription(), stillValid.getErrors()));
        }
        return Mono.just(known);
    }
}
