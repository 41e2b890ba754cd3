package org.planwatch.notification.preference.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.planwatch.notification.preference.Delivery;
import org.planwatch.notification.preference.Preferences;
import org.planwatch.notification.preference.RecipientPreferences;
import org.planwatch.notification.preference.UnsubscribeLinks;
import org.planwatch.notification.trigger.MailKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /api/notifications/preferences/{email}} to read and set a recipient's choices, and the signed
 * {@code /api/notifications/unsubscribe} link every reminder and digest carries: GET shows a confirmation page (link
 * scanners fetch links, so a GET changes nothing), POST unsubscribes, as RFC 8058 one-click clients do.
 */
@RestController
class PreferencesController {

    private final RecipientPreferences preferences;
    private final UnsubscribeLinks links;

    PreferencesController(RecipientPreferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    record PreferencesRequest(String delivery, List<String> optedOut) {
    }

    @GetMapping("/api/notifications/preferences/{email}")
    Preferences get(@PathVariable String email) {
        return preferences.of(email);
    }

    @PutMapping("/api/notifications/preferences/{email}")
    ResponseEntity<?> set(@PathVariable String email, @RequestBody PreferencesRequest request) {
        Delivery delivery;
        try {
            delivery = request.delivery() == null ? Delivery.IMMEDIATE
                    : Delivery.valueOf(request.delivery().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("delivery", "'" + request.delivery() + "' is not one of " + Arrays.toString(Delivery.values()));
        }
        Set<MailKind> optedOut = EnumSet.noneOf(MailKind.class);
        for (String kind : request.optedOut() == null ? List.<String>of() : request.optedOut()) {
            MailKind parsed = kind(kind);
            if (parsed == null) {
                return invalid("optedOut", "'" + kind + "' is not a kind of email");
            }
            optedOut.add(parsed);
        }
        return ResponseEntity.ok(preferences.save(new Preferences(email, delivery, optedOut)));
    }

    @GetMapping(value = "/api/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@RequestParam String recipient, @RequestParam String kind,
                                   @RequestParam String signature) {
        MailKind parsed = kind(kind);
        if (parsed == null || !links.isGenuine(recipient, parsed, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("<p>This unsubscribe link is not valid.</p>");
        }
        String action = HtmlUtils.htmlEscape(links.linkFor(recipient, parsed));
        return ResponseEntity.ok("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif\"><p>Stop emails of "
                + "the kind <b>" + describe(parsed) + "</b> to <b>" + HtmlUtils.htmlEscape(recipient) + "</b>?</p>"
                + "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" "
                + "value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form></body></html>");
    }

    @PostMapping("/api/notifications/unsubscribe")
    ResponseEntity<?> unsubscribe(@RequestParam String recipient, @RequestParam String kind,
                                  @RequestParam String signature) {
        MailKind parsed = kind(kind);
        if (parsed == null || !links.isGenuine(recipient, parsed, signature)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "this unsubscribe link was not issued by planwatch, or was changed");
            problem.setTitle("Invalid unsubscribe link");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
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
        try {
            return MailKind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setTitle("Invalid request");
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }
}
