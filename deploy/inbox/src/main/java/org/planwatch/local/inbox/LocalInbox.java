package org.planwatch.local.inbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The local stack's mail server: GreenMail takes every email the services send, and a page and a JSON API show
 * them. A process of its own, so the stack can supervise it and a test can count emails across its restarts.
 */
@SpringBootApplication
@EnableScheduling
public class LocalInbox {

    public static void main(String[] args) {
        SpringApplication.run(LocalInbox.class, args);
    }

    @Bean(destroyMethod = "stop")
    GreenMail smtpServer(@Value("${inbox.smtp-port}") int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
