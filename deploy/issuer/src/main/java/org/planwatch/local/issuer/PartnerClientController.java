package org.planwatch.local.issuer;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's partner systems: list, add (the secret is in the answer, once), remove. ADMINISTRATOR only,
 * by a token of this issuer; each administrator sees and removes those of their own partnership.
 */
@RestController
class PartnerClientController {

    private static final String CLIENT_ID = "[a-z0-9][a-z0-9-]{2,63}";
    private final PartnerClients clients;
    private final DemoDirectory directory;

    PartnerClientController(PartnerClients clients, DemoDirectory directory) {
        this.clients = clients;
        this.directory = directory;
    }

    record NewPartnerClient(String clientId, String organisation, String description) {
    }

    record Listed(String clientId, String organisation, String description, String addedAt, String addedBy) {
    }

    @GetMapping("/admin/partner-clients")
    List<Listed> list(@AuthenticationPrincipal Jwt administrator) {
        String partnership = partnership(administrator);
        return partnership == null ? List.of() : clients.of(partnership).stream().map(c -> new Listed(c.clientId(), c.organisation(),
                c.description(), c.addedAt().toString(), c.addedBy())).toList();
    }

    @PostMapping("/admin/partner-clients")
    ResponseEntity<Object> add(@AuthenticationPrincipal Jwt administrator, @RequestBody NewPartnerClient request) {
        if (partnership(administrator) == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "this token names no partnership, so it may add no partner system"));
        }
        if (request.clientId() == null || !request.clientId().matches(CLIENT_ID)) {
            return invalid("clientId", "3 to 64 lower-case letters, digits and '-', starting with a letter or digit");
        }
        if (request.organisation() == null || request.organisation().isBlank() || request.organisation().length() > 200) {
            return invalid("organisation", "the organisation whose measures the partner system publishes (1 to 200"
                    + " characters)");
        }
        if (request.description() != null && request.description().length() > 500) {
            return invalid("description", "at most 500 characters");
        }
        boolean taken = clients.find(request.clientId()).isPresent() || directory.program(request.clientId()).isPresent()
                || directory.gateway().clientId().equals(request.clientId());
        if (taken) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "clientId: '" + request.clientId() + "' is taken; choose another");
            problem.setProperty("field", "clientId");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        String secret = clients.add(request.clientId(), request.organisation().strip(), partnership(administrator),
                request.description(), administrator.getSubject());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("clientId", request.clientId(),
                "clientSecret", secret, "organisation", request.organisation().strip(),
                "tokenEndpoint", directory.url() + "/oauth2/token"));
    }

    @DeleteMapping("/admin/partner-clients/{clientId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt administrator, @PathVariable String clientId) {
        String partnership = partnership(administrator);
        return partnership != null && clients.remove(clientId, partnership) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private static String partnership(Jwt administrator) {
        return administrator.getClaimAsString("partnership");
    }

    private static ResponseEntity<Object> invalid(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

}
