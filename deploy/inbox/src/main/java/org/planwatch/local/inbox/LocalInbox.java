package org.planwatch.local.inbox;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The local stack's mail server: GreenMail takes every email the services send, and a page and a JSON API show
 * them. A process of its own, so the stack can supervise it and a test can count emails across its restarts.
 */
@SpringBootApplication
public class LocalInbox {

    public static void main(String[] args) {
        // GreenMail parses every email with Jakarta Mail, which otherwise looks this provider up with a ServiceLoader
        // through every jar for each body part: two thirds of the inbox's CPU under load.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
        SpringApplication.run(LocalInbox.class, args);
    }

    /** Every email is on disk before the server answers 250, so a killed inbox loses nothing it accepted. */
    @Bean(destroyMethod = "stop")
    GreenMail smtpServer(@Value("${inbox.smtp-port}") int port, Mailbox mailbox) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        UserManager users = smtp.getUserManager();
        // Kept on disk only, not in GreenMail's own mailboxes too, so a long run does not fill the heap.
        GreenMailUser everyone = users.createUser("inbox@planwatch.local", "inbox", "inbox");
        users.setMessageDeliveryHandler((message, to) -> {
            mailbox.keep(message.getMessage());
            return everyone;
        });
        smtp.start();
        return smtp;
    }
}
