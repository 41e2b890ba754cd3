package org.planwatch.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Spectral with OWASP's API Security ruleset, from npm (pinned versions, installed once under target/):
 * the linter the issue names, run as a reviewer would run it. Skipped where npm is not installed.
 */
final class SpectralLint {

    private static final Path HOME = Path.of("target", "spectral");
    private static final List<String> PACKAGES = List.of("@stoplight/spectral-cli@6.16.3",
            "@stoplight/spectral-owasp-ruleset@2.0.1");

    private SpectralLint() {
    }

    /** Every finding of severity error ("severity": 0), as "path: message". */
    static List<String> errors(String openApiJson) throws IOException, InterruptedException {
        Path spectral = install();
        Path document = HOME.resolve("openapi.json");
        Files.writeString(document, openApiJson);
        Path ruleset = HOME.resolve(".spectral.yaml");
        Files.writeString(ruleset, "extends: [\"@stoplight/spectral-owasp-ruleset\"]\n");
        Path report = HOME.resolve("report.json");
        run(List.of(spectral.toString(), "lint", document.toString(), "--ruleset", ruleset.toString(), "--format", "json",
                "--output", report.toString(), "--fail-severity", "error"), true);
        List<Map<String, Object>> errors = JsonPath.read(Files.readString(report), "$[?(@.severity == 0)]");
        return errors.stream().map(error -> error.get("path") + ": " + error.get("message")).toList();
    }

    private static Path install() throws IOException, InterruptedException {
        Path spectral = HOME.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(spectral)) {
            assumeTrue(onPath("npm"), "npm is not installed: Spectral cannot be run here");
            Files.createDirectories(HOME);
            List<String> command = new java.util.ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--prefix", HOME.toString()));
            command.addAll(PACKAGES);
            run(command, false);
        }
        return spectral;
    }

    private static void run(List<String> command, boolean findingsExpected) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(HOME.resolve("last-run.log").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 5 minutes");
        }
        int exit = process.exitValue();
        if (exit != 0 && !(findingsExpected && exit == 1)) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "): "
                    + Files.readString(HOME.resolve("last-run.log")));
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
