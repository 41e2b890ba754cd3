package org.planwatch.notification;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.planwatch.testsupport.TestServers;

/** What the test SMTP server received, read as a lead's mail client would. */
public final class Inbox {

    private Inbox() {
    }

    public static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(TestServers.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    public static List<MimeMessage> awaitMails(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient).size() >= count);
        return mailsTo(recipient);
    }

    /** The text of the first body part of the given type, however deeply the multiparts nest. */
    public static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof java.io.InputStream in ? new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8) : content.toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
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
