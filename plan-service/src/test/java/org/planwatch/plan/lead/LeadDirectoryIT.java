package org.planwatch.plan.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lead directory: the words plans use for leads resolve to someone who can be emailed, or are refused. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadDirectoryIT {

    @LocalServerPort
    int port;

    HttpJson http;
    String unique;
    String planId;
    String themeId;
    String outcomeId;

    @BeforeEach
    void aPlan() {
        http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        unique = UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response plan = http.post("/api/plans", object("title", "Carers Strategy Action Plan",
                "partnership", "Doncaster", "period", "2022-2025",
                "owner", object("name", "Olive Owner", "email", "owner@example.org"),
                "themes", List.of(object("name", "RECOGNITION", "outcomes",
                        List.of(object("reference", "2.1", "text", "Carers are recognised."))))));
        planId = plan.at("$.id");
        themeId = plan.at("$.themes[0].id");
        outcomeId = plan.at("$.themes[0].outcomes[0].id");
    }

    @Test
    void anOrganisationLeadsAnActionThroughItsContact() {
        HttpJson.Response organisation = http.post("/api/leads", object("kind", "ORGANISATION",
                "name", "NHS England " + unique, "contact", object("name", "Nia Contact", "email", "nia@nhs.example.org")));

        assertThat(organisation.status()).isEqualTo(201);
        assertThat(organisation.at("$.contact.email")).isEqualTo("nia@nhs.example.org");
        assertThat(organisation.at("$.contactName")).isEqualTo("Nia Contact");
        HttpJson.Response action = createAction("NHS England " + unique);
        assertThat(action.at("$.leads[0].kind")).isEqualTo("ORGANISATION");
        assertThat(action.at("$.leads[0].email")).isEqualTo("nia@nhs.example.org");
    }

    @Test
    void aPlansWordsForALeadResolveByRoleTitleOrAliasWithOrWithoutTheLeadProfessionalPrefix() {
        String id = http.post("/api/leads", object("name", "Sam Manager " + unique,
                "roleTitle", "Service Manager Strategic Lead Carers " + unique, "email", "sam@example.org",
                "aliases", List.of("Strategic Lead " + unique))).at("$.id");

        assertThat(resolve("Lead Professional: Service Manager Strategic Lead Carers " + unique).at("$.id"))
                .isEqualTo(id);
        assertThat(resolve("strategic  lead " + unique.toUpperCase()).at("$.id")).isEqualTo(id);
        assertThat(resolve("Nobody " + unique).status()).isEqualTo(404);
    }

    @Test
    void wordsThatFitTwoLeadsAreRefusedNamingBothRatherThanGuessed() {
        http.post("/api/leads", object("name", "Ann " + unique, "roleTitle", "Carers Lead " + unique,
                "email", "ann@example.org"));
        http.post("/api/leads", object("name", "Bob " + unique, "roleTitle", "Carers Lead " + unique,
                "email", "bob@example.org"));

        HttpJson.Response refused = createAction("Carers Lead " + unique);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("$.field")).isEqualTo("leads[0]");
        assertThat(refused.at("$.detail")).contains("Ann " + unique).contains("Bob " + unique);
        assertThat(resolve("Carers Lead " + unique).at("$.field")).isEqualTo("name");
    }

    @Test
    void actionsCanBeListedByOrganisationWhetherLedByItOrByItsPeople() {
        String organisation = "Doncaster Council " + unique;
        http.post("/api/leads", object("kind", "ORGANISATION", "name", organisation,
                "contact", object("name", "Desk", "email", "desk@doncaster.example.org")));
        http.post("/api/leads", object("name", "Cara " + unique, "organisation", organisation, "email", "cara@example.org"));
        http.post("/api/leads", object("name", "Elsewhere " + unique, "organisation", "Other Trust", "email", "e@example.org"));
        String byOrganisation = createAction(organisation).at("$.id");
        String byItsPerson = createAction("Cara " + unique).at("$.id");
        createAction("Elsewhere " + unique);

        assertThat(ids("organisation=" + encode(organisation))).containsExactlyInAnyOrder(byOrganisation, byItsPerson);
        assertThat(ids("lead=" + encode(organisation))).containsExactlyInAnyOrder(byOrganisation, byItsPerson);
        assertThat(ids("lead=" + encode("Cara " + unique))).containsExactly(byItsPerson);
        assertThat(http.get("/api/actions?organisation=Nowhere").at("$.field")).isEqualTo("organisation");
    }

    @Test
    void aContactIsRefusedForAPersonAndALeadOfActionsCannotBeRemoved() {
        HttpJson.Response person = http.post("/api/leads", object("kind", "PERSON", "name", "P " + unique,
                "contact", object("name", "X", "email", "x@example.org")));
        assertThat(person.status()).isEqualTo(400);
        assertThat(person.at("$.field")).isEqualTo("contact");

        String lead = http.post("/api/leads", object("name", "Kept " + unique, "email", "kept@example.org")).at("$.id");
        createAction(lead);
        HttpJson.Response removal = http.delete("/api/leads/" + lead, "If-Match", "\"1\"");
        assertThat(removal.status()).isEqualTo(409);
        assertThat(http.get("/api/leads/" + lead).status()).isEqualTo(200);
    }

    @Test
    void eachPartnershipKeepsItsOwnDirectoryAndNeverSeesAnothers() {
        HttpJson perth = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Perth"));
        String ours = http.post("/api/leads", object("name", "Carers Lead " + unique, "email", "ours@example.org"))
                .at("$.id");

        HttpJson.Response theirs = perth.post("/api/leads", object("name", "Carers Lead " + unique,
                "email", "theirs@example.org"));

        assertThat(theirs.status()).as("the same name in another partnership's directory").isEqualTo(201);
        assertThat(perth.get("/api/leads").list("$[*].id")).doesNotContain(ours).contains(theirs.at("$.id"));
        assertThat(perth.get("/api/leads/" + ours).status()).isEqualTo(404);
        assertThat(perth.put("/api/leads/" + ours, object("name", "Taken over", "email", "evil@example.org"),
                "If-Match", "\"1\"").status()).isEqualTo(404);
        assertThat(perth.delete("/api/leads/" + ours, "If-Match", "\"1\"").status()).isEqualTo(404);
        assertThat(perth.get("/api/leads/resolve?name=" + encode("Carers Lead " + unique)).at("$.email"))
                .isEqualTo("theirs@example.org");
        assertThat(resolve("Carers Lead " + unique).at("$.email")).isEqualTo("ours@example.org");
        HttpJson.Response ledByAnother = createAction(theirs.at("$.id"));
        assertThat(ledByAnother.status()).as("an action led by another partnership's lead").isEqualTo(400);
        assertThat(ledByAnother.at("$.field")).isEqualTo("leads[0]");
        assertThat(http.get("/api/leads/" + ours).at("$.email")).isEqualTo("ours@example.org");
    }

    private HttpJson.Response createAction(String lead) {
        return http.post("/api/actions", object("planId", planId, "themeId", themeId, "outcomeId", outcomeId,
                "reference", "2.1a", "text", "Carers are recognised at work.", "leads", List.of(lead), "due", "Mar 27"));
    }

    private HttpJson.Response resolve(String name) {
        return http.get("/api/leads/resolve?name=" + encode(name));
    }

    private List<String> ids(String query) {
        return http.get("/api/actions?planId=" + planId + "&" + query).list("$.items[*].id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
