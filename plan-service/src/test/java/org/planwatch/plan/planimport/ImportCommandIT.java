package org.planwatch.plan.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.plan.PlanServiceApplication;
import org.planwatch.testsupport.TestServers;

/** An operator imports a plan document in batch: java -jar plan-service.jar import FILE [--commit]. */
class ImportCommandIT {

    final String database = "test-cli-" + UUID.randomUUID();
    final String perth = "../deploy/local/seeds/" + Seeds.PERTH;

    record Run(int status, String output) {
    }

    Run importing(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        TestServers.properties(database).forEach((name, value) -> args.add("--" + name + "=" + value));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ImportCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                PlanServiceApplication.class);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunPrintsThePlanItReadAndStoresNothingThenACommitStoresItOnce() {
        Run dryRun = importing("import", perth, "--partnership=Perth and Kinross", "--owner-email=owner@pkc.example.org");
        assertThat(dryRun.status()).isZero();
        assertThat(dryRun.output()).contains("Dry run of perth-kinross-carers-action-plan.tsv (tsv)")
                .contains("5 actions").contains("would create 5 actions").contains("line 9 [What will we do?]")
                .contains("Nothing stored");

        Run commit = importing("import", perth, "--commit", "--partnership=Perth and Kinross",
                "--owner-email=owner@pkc.example.org");
        assertThat(commit.status()).isZero();
        assertThat(commit.output()).contains("Imported perth-kinross-carers-action-plan.tsv").contains("created 5 actions");

        Run again = importing("import", perth, "--commit", "--partnership=Perth and Kinross",
                "--owner-email=owner@pkc.example.org");
        assertThat(again.output()).contains("created 0 actions, updated 0, 5 unchanged");
    }

    @Test
    void wrongUsageSaysWhatIsMissing() {
        Run noPartnership = importing("import", perth);
        assertThat(noPartnership.status()).isEqualTo(2);
        assertThat(noPartnership.output()).contains("--partnership is required").contains("usage:");

        Run noFile = importing("import", "no-such-plan.tsv", "--partnership=Doncaster");
        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.output()).contains("cannot read no-such-plan.tsv");
    }
}
