package org.planwatch.plan.planimport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planwatch.caller.Caller;
import org.planwatch.plan.actionplan.Contact;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar plan-service.jar import FILE [--commit] --partnership=NAME [--owner-email=E] [--owner-name=N]
 * [--title=T] [--plan-id=ID] [--json]}: the same import as POST /api/plans/imports, run against plan-service's
 * database by someone who holds its credentials (so the command acts as that partnership's administrator). It
 * starts no web server and no scheduled work; the running plan-service publishes the events the commit stored.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: java -jar plan-service.jar import FILE [--commit] --partnership=NAME [--owner-email=ADDRESS]
                   [--owner-name=NAME] [--title=TITLE] [--plan-id=ID] [--json] [--spring.mongodb.uri=...]
              FILE       a plan document: .tsv, .csv, .txt, .xlsx, .docx or .pdf
              --commit   store the plan; without it the import is a dry run and nothing is stored""";

    private ImportCommand() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    /** Runs the command; returns the exit status: 0 done, 1 refused, 2 wrong usage. */
    public static int run(String[] args, PrintStream out, Class<?> application) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        String file = null;
        for (String arg : List.of(args).subList(1, args.length)) {
            if (arg.startsWith("--spring.") || arg.startsWith("--planwatch.") || arg.startsWith("--logging.")) {
                springArgs.add(arg);
            } else if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            } else if (file == null) {
                file = arg;
            } else {
                return usage(out, "one file at a time; '" + arg + "' is a second");
            }
        }
        Set<String> known = Set.of("commit", "partnership", "owner-email", "owner-name", "title", "plan-id", "json");
        for (String option : options.keySet()) {
            if (!known.contains(option)) {
                return usage(out, "unknown option --" + option);
            }
        }
        if (file == null) {
            return usage(out, "name the plan document to import");
        }
        if (options.get("partnership") == null) {
            return usage(out, "--partnership is required: the partnership whose plan this is");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            return usage(out, "cannot read " + file + ": " + e.getMessage());
        }
        String ownerEmail = options.getOrDefault("owner-email", "planwatch@localhost.localdomain");
        Caller caller = new Caller("cli:" + System.getProperty("user.name", "operator"), ownerEmail,
                Set.of(Caller.Role.ADMINISTRATOR), options.get("partnership"), null);
        // An import run does its work and ends: it takes no part in following measures' status events.
        springArgs.add("--spring.cloud.stream.bindings.measureStatus-in-0.consumer.auto-startup=false");
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setDefaultProperties(Map.of("planwatch.scheduling.enabled", "false",
                "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new))) {
            PlanImports imports = context.getBean(PlanImports.class);
            var request = new PlanImports.ImportRequest(Path.of(file).getFileName().toString(), content,
                    options.get("plan-id"), options.get("title"),
                    new Contact(options.getOrDefault("owner-name", ownerEmail.substring(0, ownerEmail.indexOf('@'))),
                            ownerEmail));
            boolean commit = options.containsKey("commit");
            ImportReport report = commit ? imports.commit(request, caller) : imports.dryRun(request, caller);
            if (options.containsKey("json")) {
                out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                print(report, out);
            }
            return 0;
        } catch (ImportRefusedException e) {
            out.println("Refused: " + e.getMessage());
            e.errors().forEach(error -> out.println("  " + line(error)));
            return 1;
        } catch (InvalidFieldException e) {
            out.println("Refused: " + e.field() + " " + e.getMessage());
            return 1;
        }
    }

    private static void print(ImportReport report, PrintStream out) {
        var summary = report.summary();
        var changes = report.changes();
        out.printf("%s %s (%s): plan \"%s\"%s%n", report.committed() ? "Imported" : "Dry run of", report.file(),
                report.format(), report.title(), report.planId() == null ? " (new)" : " " + report.planId());
        out.printf("  %d themes, %d outcomes, %d actions, %d leads (%d new to confirm)%n", summary.themes(),
                summary.outcomes(), summary.actions(), summary.leads(), summary.newLeads().size());
        out.printf("  %s %d actions, %s %d, %d unchanged; %d in the plan but not in the document (kept)%n",
                report.committed() ? "created" : "would create", changes.created().size(),
                report.committed() ? "updated" : "would update", changes.updated().size(), changes.unchanged(),
                changes.missing().size());
        changes.updated().forEach(u -> out.printf("    %s: %s%n", u.reference(), String.join(", ", u.fields())));
        changes.missing().forEach(m -> out.printf("    missing %s: %s%n", m.reference(), m.text()));
        out.printf("  %d warnings, %d errors%n", summary.warnings(), summary.errors());
        report.warnings().forEach(w -> out.println("    " + line(w)));
        if (!report.committed()) {
            out.println(summary.errors() > 0 ? "Nothing stored: fix the errors, then run again with --commit."
                    : "Nothing stored: run again with --commit to store it.");
        }
    }

    private static String line(ImportWarning warning) {
        return warning.place() + (warning.column() == null ? "" : " [" + warning.column() + "]") + ": "
                + (warning.isError() ? "ERROR " : "") + warning.message();
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println(USAGE);
        return 2;
    }
}
