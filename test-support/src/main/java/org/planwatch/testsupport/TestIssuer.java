package org.planwatch.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for tests: publishes its signing key as a JWK set over real HTTP, as any OIDC provider does, and
 * signs access tokens for whoever a test needs to be, including the broken and forged tokens a service must refuse.
 * One per JVM, shared by every application under test.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "planwatch";
    private static final TestIssuer SHARED = new TestIssuer();

    private final RSAKey key = generate("test-signing-key");
    private final RSAKey stranger = generate("test-signing-key");
    private final String issuer;

    private TestIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIssuer shared() {
        return SHARED;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** The settings that make a resource server trust this issuer, as an application under test reads them. */
    public Map<String, String> properties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** An administrator of one partnership. */
    public String administrator(String partnership) {
        return token("admin@" + slug(partnership) + ".example.org").roles("ADMINISTRATOR")
                .claim("partnership", partnership).sign();
    }

    /** A lead professional, known to the lead directory by their email. */
    public String lead(String email, String partnership) {
        return token(email).roles("LEAD").claim("email", email).claim("partnership", partnership).sign();
    }

    /** A partner system (client credentials: the subject is the client id) publishing for its organisation. */
    public String partner(String clientId, String organisation) {
        return token(clientId).roles("PARTNER").claim("organisation", organisation).sign();
    }

    /** A partner system a partnership's administrator added: it publishes for that partnership only. */
    public String partner(String clientId, String organisation, String partnership) {
        return token(clientId).roles("PARTNER").claim("organisation", organisation).claim("partnership", partnership)
                .sign();
    }

    public Token token(String subject) {
        return new Token(subject);
    }

    /** An access token being written; each setter is one way a real token can be right or wrong. */
    public final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String tokenIssuer = issuer;
        private Object audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Instant notBefore = issuedAt;
        private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(5));
        private RSAKey signingKey = key;

        private Token(String subject) {
            claims.put("sub", subject);
        }

        public Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token issuer(String issuer) {
            tokenIssuer = issuer;
            return this;
        }

        public Token audience(Object audience) {
            this.audience = audience;
            return this;
        }

        public Token expiredAgo(Duration ago) {
            expiresAt = Instant.now().minus(ago);
            issuedAt = expiresAt.minus(Duration.ofMinutes(5));
            notBefore = issuedAt;
            return this;
        }

        public Token validFrom(Instant from) {
            notBefore = from;
            return this;
        }

        /** Signed by a key with the issuer's key id that the issuer never published. */
        public Token signedByStranger() {
            signingKey = stranger;
            return this;
        }

        public String sign() {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), new RSASSASigner(rsa(signingKey)));
        }

        /** Signed with a key id the issuer does not publish. */
        public String signWithUnknownKeyId() {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("no-such-key").build(),
                    new RSASSASigner(rsa(key)));
        }

        /** {@code alg: none}: no signature at all. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        /** The old confusion attack: HS256 keyed with the issuer's public key, which anyone can read. */
        public String hs256WithThePublicKey() {
            byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            try {
                return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), new MACSigner(secret));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A correctly signed token whose claims were changed afterwards (here: roles raised to ADMINISTRATOR). */
        public String tampered() {
            String[] parts = sign().split("\\.");
            JWTClaimsSet raised = new JWTClaimsSet.Builder(claims()).claim("roles", List.of("ADMINISTRATOR")).build();
            return parts[0] + "." + Base64URL.encode(raised.toString()) + "." + parts[2];
        }

        private String sign(JWSHeader header, com.nimbusds.jose.JWSSigner signer) {
            SignedJWT jwt = new SignedJWT(header, claims());
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(tokenIssuer)
                    .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(notBefore))
                    .expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString());
            if (audience instanceof List<?> many) {
                builder.audience(many.stream().map(String::valueOf).toList());
            } else if (audience != null) {
                builder.audience(String.valueOf(audience));
            }
            claims.forEach(builder::claim);
            return builder.build();
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.interfaces.RSAPrivateKey rsa(RSAKey key) {
        try {
            return key.toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String words) {
        return words == null ? "none" : words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
