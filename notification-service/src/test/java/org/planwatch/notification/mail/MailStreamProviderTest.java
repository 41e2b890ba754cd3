package org.planwatch.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

    @Test
    void theNamedMailStreamProviderIsTheOneTheClasspathDeclaresAndEmailsStillWrite() throws Exception {
        SmtpConnection.nameTheMailStreamProvider();

        StreamProvider named = StreamProvider.provider();
        assertThat(named.getClass().getName())
                .isEqualTo(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo(java.util.ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName());

        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Due date moved to 30 June 2027", "UTF-8");
        message.setContent(new MimeMultipart(text));
        message.saveChanges();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);
        assertThat(written.toString()).contains("Due date moved to 30 June 2027");
    }
}
