package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** Leads stored before each partnership kept its own directory join the directory of the plans they lead. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadsPlacedInPartnershipsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LeadsPlacedInPartnerships placing;

    @Test
    void aLeadStoredWithoutAPartnershipJoinsThePartnershipOfThePlanItLeads() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        HttpJson admin = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Angus"));
        HttpJson.Response plan = admin.post("/api/plans", object("title", "Plan " + unique,
                "owner", object("name", "Olive Owner", "email", "owner@example.org"),
                "themes", List.of(object("name", "RIGHTS", "outcomes", List.of(object("reference", "4.1",
                        "text", "Carers know their rights."))))));
        String leading = admin.post("/api/leads", object("name", "Leading " + unique, "email", "l@example.org"))
                .at("$.id");
        String idle = admin.post("/api/leads", object("name", "Idle " + unique, "email", "i@example.org")).at("$.id");
        assertThat(admin.post("/api/actions", object("planId", plan.at("$.id"), "themeId", plan.at("$.themes[0].id"),
                "outcomeId", plan.at("$.themes[0].outcomes[0].id"), "reference", "4.1.1", "text", "Publish rights.",
                "leads", List.of(leading), "due", "Mar 27")).status()).isEqualTo(201);
        mongo.updateMulti(query(where("_id").in(leading, idle)), new Update().unset("partnership"), "leads");
        assertThat(admin.get("/api/leads/" + leading).status()).as("unplaced, in no directory").isEqualTo(404);

        placing.placeLeadsStoredWithoutAPartnership();

        assertThat(admin.get("/api/leads/" + leading).status()).isEqualTo(200);
        assertThat(admin.get("/api/leads/" + idle).status()).isEqualTo(404);
        assertThat(new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Fife"))
                .get("/api/leads/" + leading).status()).isEqualTo(404);
    }
}
