package org.planwatch.plan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * plan-service decides for itself who may do what, from the caller's token: called directly, past the gateway,
 * it lets nobody in without a valid token, and nobody further than their role and partnership allow.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhoMayDoWhatIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String PARTNERSHIP = "Perth and Kinross";


    @LocalServerPort
    int port;

    HttpJson anonymous;
    HttpJson admin;
    String planId;
    String leadsActionId;
    String othersActionId;
    String leadEmail;

    @BeforeEach
    void aPlanWithTwoActionsLedByDifferentPeople() {
        anonymous = new HttpJson("http://localhost:" + port);
        admin = anonymous.as(ISSUER.administrator(PARTNERSHIP));
        leadEmail = "lead." + System.nanoTime() + "@pkc.example.org";
        String lead = admin.post("/api/leads", object("name", "Lena Lead " + System.nanoTime(), "email", leadEmail))
                .at("$.id");
        String other = admin.post("/api/leads", object("name", "Otto Other " + System.nanoTime(),
                "email", "other." + System.nanoTime() + "@pkc.example.org")).at("$.id");
        planId = admin.post("/api/plans", object("title", "Carers Strategy",
                "owner", object("name", "Olive Owner", "email", "owner@pkc.example.org"))).at("$.id");
        leadsActionId = action(lead);
        othersActionId = action(other);
    }

    private String action(String leadId) {
        return admin.post("/api/actions", object("planId", planId, "text", "Identify carers at GP practices",
                "leads", List.of(leadId), "due", "Jun 22", "rag", "GREEN")).at("$.id");
    }

    private HttpJson lead() {
        return anonymous.as(ISSUER.lead(leadEmail, PARTNERSHIP));
    }

    static List<String> forgedOrBrokenTokens() {
        String subject = "admin@pkc.example.org";
        return List.of(
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP)
                        .expiredAgo(Duration.ofMinutes(2)).sign(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP)
                        .validFrom(Instant.now().plus(Duration.ofMinutes(10))).sign(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP)
                        .issuer("https://issuer.example.org").sign(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP)
                        .audience("another-api").sign(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP).unsigned(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP).hs256WithThePublicKey(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP).signWithUnknownKeyId(),
                ISSUER.token(subject).roles("ADMINISTRATOR").claim("partnership", PARTNERSHIP).signedByStranger().sign(),
                ISSUER.token(subject).roles("LEAD").claim("partnership", PARTNERSHIP).tampered(),
                "not-a-token");
    }

    @ParameterizedTest
    @MethodSource("forgedOrBrokenTokens")
    void anExpiredNotYetValidMisaddressedUnsignedOrForgedTokenIsRefusedWith401(String token) {
        HttpJson.Response refused = anonymous.as(token).get("/api/plans/" + planId);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutATokenNothingButHealthAnswers() {
        assertThat(anonymous.get("/api/plans").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/plans", object("title", "x")).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aLeadReadsPlansAndReportsProgressOnTheirOwnAction() {
        HttpJson lead = lead();

        assertThat(lead.get("/api/plans/" + planId).status()).isEqualTo(200);
        assertThat(lead.get("/api/actions?planId=" + planId).list("$.items[*].id"))
                .containsExactlyInAnyOrder(leadsActionId, othersActionId);
        HttpJson.Response amber = lead.put("/api/actions/" + leadsActionId + "/rag",
                object("rag", "AMBER", "reason", "GP pack late"), "If-Match", "\"1\"");
        assertThat(amber.status()).isEqualTo(200);
        assertThat(lead.patch("/api/actions/" + leadsActionId, object("status", "Commenced", "due", "Sept 22"),
                "If-Match", "\"2\"").status()).isEqualTo(200);
    }

    @Test
    void aLeadAskingForTheirOwnActionsGetsOnlyThoseTheyLead() {
        assertThat(lead().get("/api/actions?mine=true&planId=" + planId).list("$.items[*].id"))
                .containsExactly(leadsActionId);
        assertThat(anonymous.as(ISSUER.lead("nobody@pkc.example.org", PARTNERSHIP))
                .get("/api/actions?mine=true&planId=" + planId).list("$.items[*].id")).isEmpty();
    }

    @Test
    void aLeadCannotChangeSomeoneElsesActionNorTheShapeOfTheirOwn() {
        HttpJson lead = lead();

        HttpJson.Response others = lead.put("/api/actions/" + othersActionId + "/rag", object("rag", "RED"),
                "If-Match", "\"1\"");
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.contentType()).startsWith("application/problem+json");
        assertThat(lead.patch("/api/actions/" + leadsActionId, object("text", "Something else"), "If-Match", "\"1\"")
                .status()).isEqualTo(403);
        assertThat(lead.put("/api/actions/" + leadsActionId + "/leads", object("leads", List.of(leadEmail)),
                "If-Match", "\"1\"").status()).isEqualTo(403);
        assertThat(lead.delete("/api/actions/" + leadsActionId, "If-Match", "\"1\"").status()).isEqualTo(403);
        assertThat(lead.post("/api/plans", object("title", "Mine")).status()).isEqualTo(403);
        assertThat(lead.post("/api/leads", object("name", "New", "email", "n@example.org")).status()).isEqualTo(403);
        assertThat(admin.get("/api/actions/" + othersActionId).at("$.rag")).isEqualTo("GREEN");
    }

    @Test
    void aPartnerSystemHasNothingToDoWithPlans() {
        HttpJson partner = anonymous.as(ISSUER.partner("pkavs-feed", "PKAVS"));

        assertThat(partner.get("/api/plans").status()).isEqualTo(403);
        assertThat(partner.get("/api/actions/" + leadsActionId).status()).isEqualTo(403);
    }

    @Test
    void anotherPartnershipsPlansAndActionsAreAsIfTheyDidNotExist() {
        HttpJson stranger = anonymous.as(ISSUER.administrator("Doncaster"));

        assertThat(stranger.get("/api/plans/" + planId).status()).isEqualTo(404);
        assertThat(stranger.get("/api/plans").list("$.items[*].id")).doesNotContain(planId);
        assertThat(stranger.get("/api/actions/" + leadsActionId).status()).isEqualTo(404);
        assertThat(stranger.get("/api/actions/" + leadsActionId + "/history").status()).isEqualTo(404);
        assertThat(stranger.get("/api/actions?planId=" + planId).list("$.items[*].id")).isEmpty();
        assertThat(stranger.get("/api/plans/" + planId + "/export.csv").status()).isEqualTo(404);
        assertThat(stranger.put("/api/actions/" + leadsActionId + "/rag", object("rag", "RED"), "If-Match", "\"1\"")
                .status()).isEqualTo(404);
        assertThat(stranger.delete("/api/plans/" + planId, "If-Match", "\"1\"").status()).isEqualTo(404);
        HttpJson.Response intoTheirPlan = stranger.post("/api/actions", object("planId", planId, "text", "x",
                "leads", List.of(leadEmail)));
        assertThat(intoTheirPlan.status()).isEqualTo(400);
        assertThat(intoTheirPlan.at("$.field")).isEqualTo("planId");
        assertThat(stranger.post("/api/plans", object("title", "Theirs", "partnership", PARTNERSHIP,
                "owner", object("name", "O", "email", "o@example.org"))).status()).isEqualTo(403);
        assertThat(admin.get("/api/plans/" + planId).status()).isEqualTo(200);
    }

    @Test
    void theHistoryNamesTheTokensSubjectWhateverHeaderIsSent() {
        lead().put("/api/actions/" + leadsActionId + "/status", object("status", "Commenced"), "If-Match", "\"1\"",
                "X-Planwatch-User", "somebody.else@example.org");

        HttpJson.Response history = admin.get("/api/actions/" + leadsActionId + "/history");
        assertThat(history.at("$[1].by")).isEqualTo(leadEmail);
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeItIsRead() {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        HttpJson.Response refused = admin.post("/api/plans", huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        HttpJson.Response plan = admin.get("/api/plans/" + planId);

        assertThat(plan.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plan.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(plan.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(Map.of("cache", String.valueOf(plan.header("Cache-Control")))).containsValue("no-cache, no-store, max-age=0, must-revalidate");
    }
}
