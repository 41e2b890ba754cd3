package org.planwatch.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server that keeps every message (GreenMail) and an inbox to read them: a page for browsers at
 * {@code /} and JSON at {@code /api/messages} (filter with {@code ?to=address}) for scripts and checks.
 */
final class MailCatcher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int smtpPort;
    private final int httpPort;
    private GreenMail greenMail;
    private HttpServer http;

    MailCatcher(int smtpPort, int httpPort) {
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
    }

    void start() throws IOException {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        http.createContext("/api/messages", this::api);
        http.createContext("/messages/", this::message);
        http.createContext("/", this::index);
        http.start();
    }

    int smtpPort() {
        return smtpPort;
    }

    String inboxUrl() {
        return "http://localhost:" + httpPort + "/";
    }

    /** One received message, as the JSON inbox shows it. */
    record Mail(int id, String from, List<String> to, String subject, String sentAt, String text, String html) {
    }

    List<Mail> messages() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < received.length; i++) {
            MimeMessage m = received[i];
            try {
                mails.add(new Mail(i, addresses(m.getFrom()).stream().findFirst().orElse(null),
                        addresses(m.getAllRecipients()), m.getSubject(),
                        m.getSentDate() == null ? null : m.getSentDate().toInstant().toString(),
                        part(m, "text/plain"), part(m, "text/html")));
            } catch (Exception unreadable) {
                mails.add(new Mail(i, null, List.of(), "(unreadable message: " + unreadable.getMessage() + ")", null,
                        null, null));
            }
        }
        return mails;
    }

    private void api(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
                respond(exchange, 500, "text/plain; charset=UTF-8", "could not empty the inbox: " + e.getMessage());
                return;
            }
            respond(exchange, 204, "application/json", "");
            return;
        }
        String to = query(exchange).get("to");
        List<Mail> mails = messages().stream()
                .filter(m -> to == null || m.to().stream().anyMatch(t -> t.equalsIgnoreCase(to))).toList();
        respond(exchange, 200, "application/json", JSON.writeValueAsString(mails));
    }

    private void index(HttpExchange exchange) throws IOException {
        List<Mail> mails = new ArrayList<>(messages());
        java.util.Collections.reverse(mails);
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>planwatch local inbox</title>"
                + "<style>body{font-family:Arial,sans-serif}td,th{padding:4px 10px;text-align:left}"
                + "tr:nth-child(even){background:#f3f3f3}</style></head><body>"
                + "<h1>planwatch local inbox</h1><p>Every email the local stack sent, newest first. "
                + "JSON: <a href=\"/api/messages\">/api/messages</a></p><table><tr><th>#</th><th>Sent</th>"
                + "<th>To</th><th>Subject</th></tr>");
        for (Mail m : mails) {
            page.append("<tr><td>").append(m.id()).append("</td><td>").append(escape(m.sentAt())).append("</td><td>")
                    .append(escape(String.join(", ", m.to()))).append("</td><td><a href=\"/messages/").append(m.id())
                    .append("\">").append(escape(m.subject())).append("</a></td></tr>");
        }
        page.append("</table></body></html>");
        respond(exchange, 200, "text/html; charset=UTF-8", page.toString());
    }

    private void message(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        List<Mail> mails = messages();
        int id;
        try {
            id = Integer.parseInt(path[2]);
        } catch (RuntimeException e) {
            id = -1;
        }
        if (id < 0 || id >= mails.size()) {
            respond(exchange, 404, "text/plain; charset=UTF-8", "no such message");
            return;
        }
        Mail m = mails.get(id);
        if (path.length > 3 && path[3].equals("html")) {
            respond(exchange, 200, "text/html; charset=UTF-8", m.html() == null ? "(no HTML part)" : m.html());
            return;
        }
        String page = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + escape(m.subject())
                + "</title></head><body style=\"font-family:Arial,sans-serif\"><p><a href=\"/\">&larr; inbox</a></p>"
                + "<p><b>From:</b> " + escape(m.from()) + "<br><b>To:</b> " + escape(String.join(", ", m.to()))
                + "<br><b>Subject:</b> " + escape(m.subject()) + "</p><p><a href=\"/messages/" + id
                + "/html\">HTML part</a></p><pre>" + escape(m.text()) + "</pre></body></html>";
        respond(exchange, 200, "text/html; charset=UTF-8", page);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
