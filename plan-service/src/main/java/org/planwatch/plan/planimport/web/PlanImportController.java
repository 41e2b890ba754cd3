package org.planwatch.plan.planimport.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.planwatch.api.ProblemHandler;
import org.planwatch.caller.Caller;
import org.planwatch.plan.actionplan.Contact;
import org.planwatch.plan.planimport.ImportRefusedException;
import org.planwatch.plan.planimport.ImportReport;
import org.planwatch.plan.planimport.PlanImports;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Administrators import a plan document: by default a dry run showing the parsed plan, what would change and every
 * warning with its source line; {@code commit=true} stores it (201 for a new plan, 200 for an update in place).
 */
@RestController
@RequestMapping("/api/plans/imports")
class PlanImportController {

    private final PlanImports imports;

    PlanImportController(PlanImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a plan document (TSV, CSV, XLSX or DOCX): a dry run unless commit=true",
            description = "ADMINISTRATOR. The plan of the same title in the caller's partnership (or planId) is "
                    + "updated in place; otherwise a new plan is created, owned by the caller unless an owner is "
                    + "given.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importPlan(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "store the result; without it nothing is stored")
            @RequestParam(defaultValue = "false") boolean commit,
            @RequestParam(required = false) String planId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String ownerName,
            @RequestParam(required = false) String ownerEmail,
            Caller caller) {
        var request = new PlanImports.ImportRequest(file.getOriginalFilename(), bytes(file), planId, title,
                owner(ownerName, ownerEmail, caller));
        if (!commit) {
            return ResponseEntity.ok(imports.dryRun(request, caller));
        }
        ImportReport report = imports.commit(request, caller);
        return report.changes().newPlan()
                ? ResponseEntity.created(URI.create("/api/plans/" + report.planId())).body(report)
                : ResponseEntity.ok(report);
    }

    @ExceptionHandler
    ProblemDetail refused(ImportRefusedException e) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-refused",
                "Import refused", e.getMessage());
        problem.setProperty("errors", e.errors());
        problem.setProperty("field", "file");
        return problem;
    }

    private static Contact owner(String name, String email, Caller caller) {
        String address = email != null && !email.isBlank() ? email : caller.email();
        if (address == null) {
            throw new InvalidFieldException("ownerEmail", "is required: your sign-in carries no email address to own "
                    + "the plan and stand in for leads the document does not name");
        }
        String who = name != null && !name.isBlank() ? name : address.substring(0, address.indexOf('@'));
        return new Contact(who, address);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
