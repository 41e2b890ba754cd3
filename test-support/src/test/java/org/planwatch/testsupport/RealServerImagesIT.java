package org.planwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The images production runs, started by Testcontainers where a Docker engine answers (laptops, GitHub Actions);
 * reported as skipped elsewhere. The services' own integration tests switch to these images there too.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealServerImagesIT {

    @Container
    static final KafkaContainer kafka = new KafkaContainer(TestServers.KAFKA_IMAGE);

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer(TestServers.MONGO_IMAGE);

    @Test
    void theMongoImageRunsAsAReplicaSetAsProductionDoes() {
        try (MongoClient client = MongoClients.create(mongo.getReplicaSetUrl())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getString("setName")).isNotBlank();
            client.getDatabase("smoke").getCollection("c").insertOne(new Document("_id", "x"));
            assertThat(client.getDatabase("smoke").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void theKafkaImageTakesAndGivesBackARecord() {
        assertThat(KafkaDirect.roundTrip(kafka.getBootstrapServers(), "smoke", "key", "value"))
                .isEqualTo(List.of("key", "value"));
    }
}
