package org.planwatch.local.inbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.planwatch.local.inbox.Mailbox.Mail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The inbox for people ({@code /}) and for scripts and checks ({@code /api/messages?to=address}). */
@Controller
class InboxController {

    private final Mailbox mailbox;

    InboxController(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/")
    String inbox(Model model) throws Exception {
        List<Mail> newestFirst = new ArrayList<>(mailbox.all());
        Collections.reverse(newestFirst);
        model.addAttribute("mails", newestFirst);
        return "inbox";
    }

    @GetMapping("/messages/{id}")
    String message(@PathVariable int id, Model model) throws Exception {
        model.addAttribute("mail", find(id));
        return "message";
    }

    @GetMapping(path = "/messages/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String html(@PathVariable int id) throws Exception {
        String html = find(id).html();
        // A picture the email carries inside it (cid:) is shown from this inbox, as a mail client would show it.
        return html == null ? "(no HTML part)" : html.replace("\"cid:", "\"/messages/" + id + "/inline/");
    }

    @GetMapping("/messages/{id}/inline/{contentId}")
    ResponseEntity<byte[]> inline(@PathVariable int id, @PathVariable String contentId) throws Exception {
        return mailbox.inlinePart(id, contentId).map(part -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(part.contentType())).body(part.content()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no part " + contentId));
    }

    @GetMapping("/api/messages")
    @ResponseBody
    List<Mail> messages(@RequestParam(required = false) String to, @RequestParam(defaultValue = "-1") int after)
            throws Exception {
        List<Mail> all = mailbox.all();
        return all.subList(Math.min(all.size(), Math.max(0, after + 1)), all.size()).stream()
                .filter(m -> to == null || m.to().stream().anyMatch(to::equalsIgnoreCase)).toList();
    }

    @GetMapping("/api/messages/count")
    @ResponseBody
    Map<String, Integer> count() {
        return Map.of("count", mailbox.all().size());
    }

    @DeleteMapping("/api/messages")
    ResponseEntity<Void> empty() throws Exception {
        mailbox.empty();
        return ResponseEntity.noContent().build();
    }

    private Mail find(int id) throws Exception {
        List<Mail> mails = mailbox.all();
        if (id < 0 || id >= mails.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id);
        }
        return mails.get(id);
    }
}
