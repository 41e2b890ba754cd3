package org.planwatch.plan.planimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.planwatch.plan.planimport.file.PlanFiles;

/** The two real plans in deploy/local/seeds, as the local stack and the tests read them. */
final class Seeds {

    static final String DONCASTER = "doncaster-carers-action-plan.tsv";
    static final String PERTH = "perth-kinross-carers-action-plan.tsv";

    private Seeds() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "deploy", "local", "seeds", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlanFile file(String name) {
        return PlanFiles.read(name, bytes(name));
    }
}
