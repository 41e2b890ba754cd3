package org.planwatch.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.TestIssuer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberedTokensTest {

    private final TestIssuer issuer = TestIssuer.shared();
    private final AtomicInteger fullChecks = new AtomicInteger();
    private final ReactiveJwtDecoder signatureAndClaims = signatureAndClaimsChecked();

    @Test
    void aTokenThatPassedIsNotCheckedInFullAgain() {
        RememberedTokens tokens = new RememberedTokens(signatureAndClaims, Clock.systemUTC());
        String token = issuer.administrator("Perth and Kinross");

        Jwt first = tokens.decode(token).block();
        Jwt second = tokens.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("admin@perth-and-kinross.example.org");
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenThatHasSinceExpiredIsRefused() {
        Instant now = Instant.now();
        MovableClock clock = new MovableClock(now);
        RememberedTokens tokens = new RememberedTokens(signatureAndClaims, clock);
        String token = issuer.administrator("Perth and Kinross");
        tokens.decode(token).block();

        clock.now = now.plus(Duration.ofHours(2));

        assertThatThrownBy(() -> tokens.decode(token).block())
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenChangedAfterSigningIsCheckedInFullAndRefusedEvenWhenTheOriginalWasAccepted() {
        RememberedTokens tokens = new RememberedTokens(signatureAndClaims, Clock.systemUTC());
        TestIssuer.Token lead = issuer.token("carers.centre@pkc.example.org").roles("LEAD");
        tokens.decode(lead.sign()).block();

        assertThatThrownBy(() -> tokens.decode(lead.tampered()).block()).isInstanceOf(JwtException.class);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsCheckedInFullEachTime() {
        RememberedTokens tokens = new RememberedTokens(signatureAndClaims, Clock.systemUTC());
        String expired = issuer.token("admin").roles("ADMINISTRATOR").expiredAgo(Duration.ofMinutes(5)).sign();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.decode(expired).block()).isInstanceOf(JwtValidationException.class);
        }
        assertThat(fullChecks).hasValue(2);
    }

    private ReactiveJwtDecoder signatureAndClaimsChecked() {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
        return token -> Mono.defer(() -> {
            fullChecks.incrementAndGet();
            return nimbus.decode(token);
        });
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
