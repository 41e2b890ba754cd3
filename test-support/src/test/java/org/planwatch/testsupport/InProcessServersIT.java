package org.planwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Whatever servers this run chose, they are real: records, documents and mail make the round trip. */
class InProcessServersIT {

    @Test
    void theChosenBrokerTakesAndGivesBackARecord() {
        assertThat(KafkaDirect.roundTrip(TestServers.kafkaBootstrapServers(), "servers-smoke", "k", "v"))
                .isEqualTo(List.of("k", "v"));
    }

    @Test
    void eachDatabaseNameGetsItsOwnDatabaseOnTheChosenServer() {
        try (MongoClient client = MongoClients.create(TestServers.mongoUri("smoke-a"))) {
            client.getDatabase("smoke-a").getCollection("c").insertOne(new Document("_id", "only-in-a"));
            assertThat(client.getDatabase("smoke-a").getCollection("c").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("smoke-b").getCollection("c").countDocuments()).isZero();
        }
    }

    @Test
    void theSmtpServerKeepsWhatItIsSent() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(TestServers.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("planwatch@localhost");
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("smoke@example.org"));
        message.setSubject("smoke");
        message.setText("hello");
        Transport.send(message);

        assertThat(TestServers.mail().getReceivedMessagesForDomain("smoke@example.org")).hasSize(1);
    }
}
