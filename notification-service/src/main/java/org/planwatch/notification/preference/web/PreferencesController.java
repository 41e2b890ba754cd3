package org.planwatch.notification.preference.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.planwatch.notification.mail.MailKind;
import org.planwatch.notification.preference.Delivery;
import org.planwatch.notification.preference.Preferences;
import org.planwatch.notification.preference.RecipientPreferences;
import org.planwatch.notification.preference.UnsubscribeLinks;
import org.planwatch.caller.Caller;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.InvalidFieldException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * {@code /api/notifications/preferences/{email}} to read and set a recipient's choices, and the signed
 * {@code /api/notifications/unsubscribe} link every reminder and digest carries: GET shows a confirmation page (link
 * scanners fetch links, so a GET changes nothing), POST unsubscribes, as RFC 8058 one-click clients do.
 */
@RestController
class PreferencesController {

    private final RecipientPreferences preferences;
    private final UnsubscribeLinks links;
    private final ITemplateEngine pages;

    PreferencesController(RecipientPreferences preferences, UnsubscribeLinks links, ITemplateEngine pages) {
        this.preferences = preferences;
        this.links = links;
        this.pages = pages;
    }

    /** A lead reads and sets their own choices; an administrator anyone's. */
    private static void requireOwn(String email, Caller caller) {
        if (!caller.isAdministrator() && !caller.hasEmail(email)) {
            throw new ForbiddenException("Not your preferences", caller.subject()
                    + " may read and set only their own email preferences");
        }
    }

    record PreferencesRequest(String delivery, List<String> optedOut) {
    }

    @GetMapping("/api/notifications/preferences/{email}")
    Preferences get(@PathVariable String email, Caller caller) {
        requireOwn(email, caller);
        return preferences.of(email);
    }

    @PutMapping("/api/notifications/preferences/{email}")
    Preferences set(@PathVariable String email, @RequestBody PreferencesRequest request, Caller caller) {
        requireOwn(email, caller);
        Delivery delivery = request.delivery() == null ? Delivery.IMMEDIATE
                : InvalidFieldException.oneOf("delivery", Delivery.class, request.delivery());
        Set<MailKind> optedOut = EnumSet.noneOf(MailKind.class);
        for (String kind : request.optedOut() == null ? List.<String>of() : request.optedOut()) {
            optedOut.add(InvalidFieldException.oneOf("optedOut", MailKind.class, kind));
        }
        return preferences.save(new Preferences(email, delivery, optedOut));
    }

    /**
     * Open to anyone holding the link: its signature, not a token, is the proof (as with the POST below). Both are
     * left out of the API document: they are links in emails for mail clients and browsers (RFC 8058 one-click
     * unsubscribe puts the proof in the URL), not an API for programs, and OWASP's rules for API keys do not fit them.
     */
    @Hidden
    @GetMapping(value = "/api/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@RequestParam String recipient, @RequestParam String kind,
                                   @RequestParam String signature) {
        MailKind parsed = kind(kind);
        boolean genuine = parsed != null && links.isGenuine(recipient, parsed, signature);
        String page = pages.process("unsubscribe", new Context(Locale.UK, Map.of("genuine", genuine,
                "recipient", recipient, "kind", genuine ? describe(parsed) : "",
                "action", genuine ? links.linkFor(recipient, parsed) : "")));
        return ResponseEntity.status(genuine ? HttpStatus.OK : HttpStatus.FORBIDDEN).body(page);
    }

    @Hidden
    @PostMapping("/api/notifications/unsubscribe")
    ResponseEntity<String> unsubscribe(@RequestParam String recipient, @RequestParam String kind,
                                       @RequestParam String signature) {
        MailKind parsed = kind(kind);
        if (parsed == null || !links.isGenuine(recipient, parsed, signature)) {
            throw new ForbiddenException("Invalid unsubscribe link",
                    "this unsubscribe link was not issued by planwatch, or was changed");
        }
        Preferences current = preferences.of(recipient);
        Preferences next = parsed == MailKind.DIGEST
                ? new Preferences(current.email(), Delivery.IMMEDIATE, current.optedOut())
                : current.optingOutOf(parsed);
        preferences.save(next);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(recipient + " will no longer receive " + describe(parsed) + " emails.");
    }

    private static String describe(MailKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static MailKind kind(String value) {
        return Arrays.stream(MailKind.values()).filter(k -> k.name().equalsIgnoreCase(value.strip().replace('-', '_')))
                .findFirst().orElse(null);
    }
}
