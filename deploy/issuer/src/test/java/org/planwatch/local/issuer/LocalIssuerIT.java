package org.planwatch.local.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local issuer as the services and partner systems use it: discovery, keys, client-credentials tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LocalIssuerIT {

    static final int PORT = freePort();
    static final String ISSUER = "http://localhost:" + PORT;
    static final Path KEY_FILE = temporaryDirectory().resolve("signing-key.json");
    static final Path PARTNER_CLIENTS_FILE = KEY_FILE.resolveSibling("partner-clients.json");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("planwatch.issuer.url", () -> ISSUER);
        registry.add("planwatch.issuer.key-file", KEY_FILE::toString);
        registry.add("planwatch.issuer.partner-clients-file", PARTNER_CLIENTS_FILE::toString);
    }

    @Test
    void aPartnerSystemGetsATokenForPlanwatchSayingItsOrganisationAndRole() {
        String token = token("pkavs-measures-feed", "local-partner-secret").at("$.access_token");

        // Checked as any resource server configured with only the issuer's address would check it.
        Jwt jwt = JwtDecoders.fromIssuerLocation(ISSUER).decode(token);
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getAudience()).containsExactly("planwatch");
        assertThat(jwt.getSubject()).isEqualTo("pkavs-measures-feed");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PARTNER");
        assertThat(jwt.getClaimAsString("organisation")).isEqualTo("PKAVS Carers Hub");
        assertThat(jwt.getClaimAsString("partnership")).isNull();
    }

    @Test
    void anAdministratorsScriptGetsItsPartnership() {
        Jwt jwt = JwtDecoders.fromIssuerLocation(ISSUER)
                .decode(token("planwatch-admin-script", "local-admin-secret").at("$.access_token"));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ADMINISTRATOR");
        assertThat(jwt.getClaimAsString("partnership")).isEqualTo("Perth and Kinross Health and Social Care Partnership");
    }

    @Test
    void theLeadsCommandLineClientActsAsThatLeadWithinTheirPartnership() {
        Jwt jwt = JwtDecoders.fromIssuerLocation(ISSUER)
                .decode(token("carers-centre-cli", "local-lead-secret").at("$.access_token"));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("LEAD");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("carers.centre@pkc.example.org");
        assertThat(jwt.getClaimAsString("partnership")).isEqualTo("Perth and Kinross Health and Social Care Partnership");
    }

    @Test
    void anAdministratorAddsAPartnerSystemThatGetsTokensForItsOrganisationUntilItIsRemoved() throws Exception {
        HttpJson administrator = new HttpJson(ISSUER).as(token("planwatch-admin-script", "local-admin-secret")
                .at("$.access_token"));
        HttpJson otherPartnership = new HttpJson(ISSUER).as(token("doncaster-admin-script", "local-doncaster-secret")
                .at("$.access_token"));

        HttpJson.Response added = administrator.post("/admin/partner-clients", HttpJson.object(
                "clientId", "carers-centre-feed", "organisation", "Perth Carers Centre", "description", "CRM export"));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String secret = added.at("$.clientSecret");
        Jwt jwt = JwtDecoders.fromIssuerLocation(ISSUER).decode(token("carers-centre-feed", secret)
                .at("$.access_token"));
        assertThat(jwt.getAudience()).containsExactly("planwatch");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PARTNER");
        assertThat(jwt.getClaimAsString("organisation")).isEqualTo("Perth Carers Centre");
        assertThat(jwt.getClaimAsString("partnership")).as("it publishes for the partnership that added it only")
                .isEqualTo("Perth and Kinross Health and Social Care Partnership");
        assertThat(administrator.get("/admin/partner-clients").list("$[*].clientId")).contains("carers-centre-feed");
        assertThat(otherPartnership.get("/admin/partner-clients").list("$[*].clientId"))
                .doesNotContain("carers-centre-feed");
        assertThat(otherPartnership.delete("/admin/partner-clients/carers-centre-feed").status()).isEqualTo(404);
        assertThat(Files.readString(PARTNER_CLIENTS_FILE)).as("kept across restarts, the secret only hashed")
                .contains("carers-centre-feed").doesNotContain(secret);

        HttpJson.Response taken = administrator.post("/admin/partner-clients", HttpJson.object(
                "clientId", "pkavs-measures-feed", "organisation", "Someone Else"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.at("$.field")).isEqualTo("clientId");
        HttpJson.Response badName = administrator.post("/admin/partner-clients", HttpJson.object(
                "clientId", "Not A Client Id!", "organisation", "X"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.at("$.field")).isEqualTo("clientId");
        assertThat(new HttpJson(ISSUER).as(jwt.getTokenValue()).get("/admin/partner-clients").status())
                .as("a partner system").isEqualTo(403);
        assertThat(new HttpJson(ISSUER).get("/admin/partner-clients").status()).as("no token").isEqualTo(401);

        assertThat(administrator.delete("/admin/partner-clients/carers-centre-feed").status()).isEqualTo(204);
        assertThat(token("carers-centre-feed", secret).status()).isEqualTo(401);
    }

    @Test
    void aWrongSecretGetsNoToken() {
        HttpJson.Response refused = token("pkavs-measures-feed", "guessed");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("access_token");
    }

    @Test
    void theSigningKeyIsKeptSoTokensOutliveARestart() throws Exception {
        RSAKey kept = RSAKey.parse(Files.readString(KEY_FILE));

        HttpJson.Response keys = new HttpJson(ISSUER).get("/oauth2/jwks");

        assertThat(keys.list("$.keys[*].kid")).containsExactly(kept.getKeyID());
        assertThat(keys.body()).doesNotContain("\"d\"");
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsSignIn() {
        assertThat(new HttpJson(ISSUER).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new HttpJson(ISSUER).get("/actuator/env").status()).isIn(302, 401);
    }

    private static HttpJson.Response token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
        return new HttpJson(ISSUER).post("/oauth2/token", "grant_type=client_credentials",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("local-issuer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
