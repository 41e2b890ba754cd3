package org.planwatch.notification.preference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.planwatch.notification.mail.MailKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links: the link names the recipient and the kind of email, and an HMAC-SHA256 over
 * both proves the service wrote it, so nobody can unsubscribe someone else by editing a link.
 */
@Component
public class UnsubscribeLinks {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    static final String DEVELOPMENT_SECRET = "planwatch-local-development-secret";
    private final byte[] secret;
    private final String baseUrl;

    UnsubscribeLinks(@Value("${planwatch.unsubscribe.secret}") String secret,
                     @Value("${planwatch.links.unsubscribe}") String baseUrl) {
        if (DEVELOPMENT_SECRET.equals(secret)) {
            log.warn("Unsubscribe links are signed with the development secret; set PLANWATCH_UNSUBSCRIBE_SECRET");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl;
    }

    public String linkFor(String recipient, MailKind kind) {
        String email = recipient.toLowerCase(Locale.ROOT);
        return baseUrl + "?recipient=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&kind=" + kind.name()
                + "&signature=" + sign(email, kind);
    }

    public boolean isGenuine(String recipient, MailKind kind, String signature) {
        if (recipient == null || signature == null) {
            return false;
        }
        byte[] expected = sign(recipient.toLowerCase(Locale.ROOT), kind).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String recipient, MailKind kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((recipient + "\n" + kind.name()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
