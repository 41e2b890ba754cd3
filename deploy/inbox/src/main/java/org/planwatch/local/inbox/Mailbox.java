package org.planwatch.local.inbox;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every email received, numbered in the order it arrived, kept on disk as {@code <number>.eml}. */
@Component
class Mailbox {

    /** One received email, as the page and the JSON API show it. */
    record Mail(int id, String from, List<String> to, String subject, String sentAt, String text, String html) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private final GreenMail smtp;
    private final Path directory;
    private int taken;

    Mailbox(GreenMail smtp, @Value("${inbox.directory}") Path directory) throws IOException {
        this.smtp = smtp;
        this.directory = Files.createDirectories(directory);
    }

    /** Moves what the SMTP server received since the last call onto disk. */
    @Scheduled(fixedDelay = 200)
    synchronized void keep() throws Exception {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; taken < received.length; taken++) {
            try (OutputStream out = Files.newOutputStream(directory.resolve(files().size() + ".eml"))) {
                received[taken].writeTo(out);
            }
        }
    }

    synchronized List<Mail> all() throws Exception {
        keep();
        List<Mail> mails = new ArrayList<>();
        for (int id = 0; id < files().size(); id++) {
            try (InputStream in = Files.newInputStream(directory.resolve(id + ".eml"))) {
                mails.add(read(id, new MimeMessage(SESSION, in)));
            }
        }
        return mails;
    }

    synchronized void empty() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        taken = 0;
        for (Path file : files()) {
            Files.delete(file);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
        }
    }

    private static Mail read(int id, MimeMessage m) throws Exception {
        List<String> to = m.getAllRecipients() == null ? List.of()
                : Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
        String from = m.getFrom() == null ? null : m.getFrom()[0].toString();
        return new Mail(id, from, to, m.getSubject(), m.getSentDate() == null ? null
                : m.getSentDate().toInstant().toString(), part(m, "text/plain"), part(m, "text/html"));
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
}
