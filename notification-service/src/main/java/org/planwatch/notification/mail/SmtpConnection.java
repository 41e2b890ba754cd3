package org.planwatch.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection kept open from one email to the next (JavaMail's {@link Transport}), instead of a new
 * connection, greeting and authentication for every email. It is opened again after a failure or a quiet spell, so a
 * server that dropped an idle connection costs one retried attempt at most.
 */
@Component
class SmtpConnection implements AutoCloseable {

    static {
        nameTheMailStreamProvider();
    }

    private final JavaMailSenderImpl smtp;
    private final long idleNanos;
    private Transport transport;
    private long lastUsed;

    SmtpConnection(JavaMailSenderImpl smtp, @Value("${planwatch.mail.keep-connection-for:10s}") Duration idle) {
        this.smtp = smtp;
        this.idleNanos = idle.toNanos();
    }

    MimeMessage newMessage() {
        return smtp.createMimeMessage();
    }

    synchronized void send(MimeMessage message) {
        try {
            if (transport == null || System.nanoTime() - lastUsed > idleNanos) {
                close();
                transport = smtp.getSession().getTransport(smtp.getProtocol());
                // No credentials configured (blank) means no AUTH at all, as JavaMailSenderImpl reads them.
                transport.connect(smtp.getHost(), smtp.getPort(), blankAsNull(smtp.getUsername()),
                        blankAsNull(smtp.getPassword()));
            }
            transport.sendMessage(message, message.getAllRecipients());
            lastUsed = System.nanoTime();
        } catch (MessagingException e) {
            close();
            throw new MailSendException("the SMTP server did not take the email: " + e.getMessage(), e);
        }
    }

    /**
     * Jakarta Mail finds its stream provider with a ServiceLoader, reading every jar of the classpath, each time it
     * creates or writes a body part: under load a third of this service's CPU (async-profiler, 2026-12-03). Named as
     * a system property, which it reads first, the provider is one class lookup. A name given on the command line wins.
     */
    static void nameTheMailStreamProvider() {
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                // the connection is dropped either way
            }
            transport = null;
        }
    }
}
