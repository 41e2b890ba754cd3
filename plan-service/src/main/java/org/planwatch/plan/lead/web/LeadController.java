package org.planwatch.plan.lead.web;

import java.net.URI;
import java.util.List;
import org.planwatch.plan.api.ApiProblems;
import org.planwatch.plan.api.RequestVersion;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.caller.Caller;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.plan.lead.LeadKind;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partnership's lead directory over HTTP: administrators add, correct and remove leads, leads read them (rules in
 * {@code ApiAccess}); each caller sees only their partnership's directory, another's lead answers 404.
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final LeadDirectory directory;

    LeadController(LeadDirectory directory) {
        this.directory = directory;
    }

    /**
     * An organisation's contact comes either as {@code contact: {name, email}} or as the flat {@code contactName}
     * and {@code email}.
     */
    record LeadRequest(String kind, String name, String roleTitle, String organisation, String contactName,
                       String email, LeadResponse.Contact contact, List<String> aliases, Long version) {

        LeadDirectory.LeadDetails details() {
            LeadKind parsed = kind == null ? LeadKind.PERSON : InvalidFieldException.oneOf("kind", LeadKind.class, kind);
            if (contact == null) {
                return new LeadDirectory.LeadDetails(parsed, name, roleTitle, organisation, contactName, email, aliases);
            }
            if (parsed != LeadKind.ORGANISATION) {
                throw new InvalidFieldException("contact", "only an ORGANISATION has a contact; a person has an email");
            }
            if (contactName != null || email != null) {
                throw new InvalidFieldException("contact", "give contact {name, email} or contactName and email, not both");
            }
            return new LeadDirectory.LeadDetails(parsed, name, roleTitle, organisation, contact.name(), contact.email(),
                    aliases);
        }
    }

    @PostMapping
    ResponseEntity<LeadResponse> add(@RequestBody LeadRequest request, Caller caller) {
        Versioned<Lead> lead = directory.add(request.details(), caller.partnership());
        return ResponseEntity.created(URI.create("/api/leads/" + lead.value().id()))
                .eTag(RequestVersion.etag(lead.version())).body(render(lead));
    }

    @GetMapping
    List<LeadResponse> list(@RequestParam(required = false) String q, Caller caller) {
        return directory.list(q, caller.partnership()).stream().map(LeadController::render).toList();
    }

    /** Who a plan's words for a lead mean: {@code /api/leads/resolve?name=Carers Lead}. */
    @GetMapping("/resolve")
    LeadResponse resolve(@RequestParam String name, Caller caller) {
        Lead lead = directory.resolve("name", name, caller.partnership())
                .orElseThrow(() -> new NotFoundException("lead answering to", name));
        return render(directory.get(lead.id(), caller.partnership()));
    }

    @GetMapping("/{id}")
    ResponseEntity<LeadResponse> get(@PathVariable String id, Caller caller) {
        Versioned<Lead> lead = directory.get(id, caller.partnership());
        return ResponseEntity.ok().eTag(RequestVersion.etag(lead.version())).body(render(lead));
    }

    @PutMapping("/{id}")
    ResponseEntity<LeadResponse> update(@PathVariable String id, @RequestBody LeadRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Caller caller) {
        Versioned<Lead> lead = directory.update(id, RequestVersion.required(ifMatch, request.version()),
                request.details(), caller.partnership());
        return ResponseEntity.ok().eTag(RequestVersion.etag(lead.version())).body(render(lead));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                Caller caller) {
        directory.remove(id, RequestVersion.required(ifMatch, null), caller.partnership());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return ApiProblems.stale(e, e.current(Lead.class).map(LeadController::render).orElse(null));
    }

    private static LeadResponse render(Versioned<Lead> lead) {
        return LeadResponse.from(lead.value(), lead.version());
    }
}
