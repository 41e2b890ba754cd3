package org.planwatch.local.inbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Every email received, numbered in the order it arrived, kept on disk as {@code <number>.eml}. */
@Component
class Mailbox {

    /**
     * One received email, as the page and the JSON API show it. The Message-ID tells a copy sent again (the same
     * email, tried again after the server took it but its answer was lost) from two emails.
     */
    record Mail(int id, String messageId, String from, List<String> to, String subject, String sentAt, String text,
                String html, List<String> inline) {
    }

    /** A part the HTML shows by its Content-ID ({@code cid:...}), such as a measure's chart. */
    record InlinePart(String contentType, byte[] content) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private final Path directory;
    private final List<Mail> mails = new ArrayList<>();
    private final CompletableFuture<Void> earlierRead;

    /**
     * The emails of earlier runs are read in the background, so that after a restart the SMTP server takes email at
     * once rather than after reading tens of thousands of files; the page and the API wait for them.
     */
    Mailbox(@Value("${inbox.directory}") Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        int earlier = 0;
        while (Files.exists(file(earlier))) {
            earlier++;
        }
        mails.addAll(Collections.nCopies(earlier, null));
        int count = earlier;
        earlierRead = CompletableFuture.runAsync(() -> readEarlier(count));
    }

    private void readEarlier(int count) {
        for (int id = 0; id < count; id++) {
            try (InputStream in = Files.newInputStream(file(id))) {
                Mail mail = read(id, new MimeMessage(SESSION, in));
                synchronized (this) {
                    mails.set(id, mail);
                }
            } catch (Exception e) {
                throw new IllegalStateException("the inbox could not read " + file(id), e);
            }
        }
    }

    /** Stores an email under the next number; written aside first, so a kill never leaves half an email. */
    synchronized void keep(MimeMessage message) throws MessagingException {
        try {
            Path partial = directory.resolve("receiving.tmp");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, file(mails.size()), StandardCopyOption.ATOMIC_MOVE);
            mails.add(read(mails.size(), message));
        } catch (Exception e) {
            throw new MessagingException("the inbox could not store the email", e);
        }
    }

    List<Mail> all() {
        earlierRead.join();
        synchronized (this) {
            return List.copyOf(mails);
        }
    }

    void empty() throws IOException {
        earlierRead.join();
        synchronized (this) {
            for (int id = 0; id < mails.size(); id++) {
                Files.deleteIfExists(file(id));
            }
            mails.clear();
        }
    }

    private Path file(int id) {
        return directory.resolve(id + ".eml");
    }

    private static Mail read(int id, MimeMessage m) throws Exception {
        List<String> to = m.getAllRecipients() == null ? List.of()
                : Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
        String from = m.getFrom() == null ? null : m.getFrom()[0].toString();
        return new Mail(id, m.getMessageID(), from, to, m.getSubject(), m.getSentDate() == null ? null
                : m.getSentDate().toInstant().toString(), part(m, "text/plain"), part(m, "text/html"),
                inline(m, new ArrayList<>()).stream().map(Mailbox::contentId).toList());
    }

    /** The inline part of email {@code id} whose Content-ID is {@code contentId}, read from its file. */
    synchronized java.util.Optional<InlinePart> inlinePart(int id, String contentId) throws Exception {
        if (id < 0 || id >= mails.size()) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file(id))) {
            for (Part part : inline(new MimeMessage(SESSION, in), new ArrayList<>())) {
                if (contentId.equals(contentId(part))) {
                    return java.util.Optional.of(new InlinePart(part.getContentType().split(";")[0].strip(),
                            part.getInputStream().readAllBytes()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static List<Part> inline(Part part, List<Part> found) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                inline(multipart.getBodyPart(i), found);
            }
        } else if (contentId(part) != null) {
            found.add(part);
        }
        return found;
    }

    private static String contentId(Part part) {
        try {
            String[] ids = part.getHeader("Content-ID");
            return ids == null ? null : ids[0].replaceAll("^<|>$", "");
        } catch (MessagingException unreadable) {
            return null;
        }
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
