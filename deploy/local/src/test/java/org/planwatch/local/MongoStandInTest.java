package org.planwatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store keeps MongoDB's promise that the fault suite relies on: a write it acknowledged survives a
 * {@code kill -9}. Without it, a killed store could forget that an email was sent, and the email would go twice.
 */
class MongoStandInTest {

    @TempDir
    Path data;

    @Test
    void everyWriteAcknowledgedBeforeAKillIsThereAfterTheRestart() throws Exception {
        int port = freePort();
        Path file = data.resolve("store.mv");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int kill = 0; kill < 5; kill++) {
            SupervisedProcess store = MongoStandIn.process(file, port, data.resolve("store.log"));
            store.start();
            store.awaitReady(Duration.ofSeconds(30));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            try (MongoClient client = client(port)) {
                MongoCollection<Document> mail = client.getDatabase("planwatch").getCollection("mail");
                for (int w = 0; w < 4; w++) {
                    String writer = kill + "-" + w;
                    running.add(writers.submit(() -> {
                        for (int i = 0; writing.get(); i++) {
                            String id = writer + "-" + i;
                            try {
                                mail.insertOne(new Document("_id", id).append("status", "SENT"));
                                acknowledged.add(id);
                            } catch (RuntimeException killed) {
                                return;
                            }
                        }
                    }));
                }
                Thread.sleep(1500);
                store.kill();
                writing.set(false);
                for (Future<?> writer : running) {
                    writer.get(30, TimeUnit.SECONDS);
                }
            } finally {
                writers.shutdownNow();
                store.stop();
            }
        }

        SupervisedProcess store = MongoStandIn.process(file, port, data.resolve("store.log"));
        store.start();
        try (MongoClient client = client(port)) {
            store.awaitReady(Duration.ofSeconds(30));
            Set<String> kept = ConcurrentHashMap.newKeySet();
            client.getDatabase("planwatch").getCollection("mail").find().forEach(d -> kept.add(d.getString("_id")));
            assertThat(acknowledged).isNotEmpty();
            assertThat(kept).containsAll(acknowledged);
        } finally {
            store.stop();
        }
    }

    @Test
    void anUpdateNamingOneIdAndAConditionChangesThatDocumentOnlyWhileTheConditionHolds() throws Exception {
        int port = freePort();
        SupervisedProcess store = MongoStandIn.process(data.resolve("store.mv"), port, data.resolve("store.log"));
        store.start();
        try (MongoClient client = client(port)) {
            store.awaitReady(Duration.ofSeconds(30));
            MongoCollection<Document> mail = client.getDatabase("planwatch").getCollection("mail");
            for (int i = 0; i < 100; i++) {
                mail.insertOne(new Document("_id", "mail-" + i).append("status", "PENDING").append("attempts", i));
            }
            Document pendingFive = new Document("_id", "mail-5").append("status", "PENDING");

            assertThat(mail.updateOne(pendingFive, new Document("$set", new Document("status", "SENT")))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(mail.updateOne(pendingFive, new Document("$set", new Document("status", "FAILED")))
                    .getMatchedCount()).isZero();
            assertThat(mail.find(new Document("_id", "mail-5")).first()).containsEntry("status", "SENT");
            assertThat(mail.find(new Document("_id", "mail-5").append("attempts", new Document("$gt", 4))).first())
                    .containsEntry("attempts", 5);
            assertThat(mail.find(new Document("_id", "mail-5").append("attempts", new Document("$gt", 5))).first())
                    .isNull();
            assertThat(mail.find(new Document("_id", "mail-404").append("status", "PENDING")).first()).isNull();
            assertThat(mail.countDocuments(new Document("status", "PENDING"))).isEqualTo(99);
        } finally {
            store.stop();
        }
    }

    @Test
    void aQueryOnAnIndexedFieldFindsWhatAFullReadWouldBeforeAndAfterARestart() throws Exception {
        int port = freePort();
        Path file = data.resolve("store.mv");
        SupervisedProcess store = MongoStandIn.process(file, port, data.resolve("store.log"));
        store.start();
        try (MongoClient client = client(port)) {
            store.awaitReady(Duration.ofSeconds(30));
            MongoCollection<Document> mail = client.getDatabase("planwatch").getCollection("mail");
            mail.createIndex(new Document("status", 1).append("due", 1));
            mail.createIndex(new Document("tags", 1));
            for (int i = 0; i < 60; i++) {
                mail.insertOne(new Document("_id", "mail-" + i).append("status", i % 3 == 0 ? "SENT" : "PENDING")
                        .append("due", i).append("tags", i % 2 == 0 ? List.of("even", "any") : "odd"));
            }
            mail.updateOne(new Document("_id", "mail-1"), new Document("$set", new Document("status", "SENT")));
            mail.updateOne(new Document("_id", "mail-3"), new Document("$set", new Document("status", "PENDING")));
            mail.deleteOne(new Document("_id", "mail-2"));
            mail.updateOne(new Document("_id", "mail-4"), new Document("$unset", new Document("status", "")));

            assertThat(dueSoonest(mail)).containsExactly("mail-3", "mail-5", "mail-7", "mail-8", "mail-10");
            assertThat(mail.countDocuments(new Document("tags", "even"))).isEqualTo(29);
            assertThat(mail.countDocuments(new Document("tags", "odd"))).isEqualTo(30);
            assertThat(mail.countDocuments(new Document("status", "SENT"))).isEqualTo(20);
        } finally {
            store.stop();
        }

        store = MongoStandIn.process(file, port, data.resolve("store.log"));
        store.start();
        try (MongoClient client = client(port)) {
            store.awaitReady(Duration.ofSeconds(30));
            MongoCollection<Document> mail = client.getDatabase("planwatch").getCollection("mail");
            assertThat(dueSoonest(mail)).containsExactly("mail-3", "mail-5", "mail-7", "mail-8", "mail-10");
            assertThat(mail.countDocuments(new Document("tags", "even"))).isEqualTo(29);
        } finally {
            store.stop();
        }
    }

    @Test
    void onlyCommandsKnownToChangeNothingAreAnsweredBeforeTheNextCommit() {
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("find"))).isTrue();
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("getMore"))).isTrue();
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("aggregate").append("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document()))))).isTrue();

        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("aggregate").append("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$merge", "copies"))))).isFalse();
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("insert"))).isFalse();
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("update"))).isFalse();
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("findAndModify"))).isFalse();
        assertThat(MongoStandIn.DurableH2Backend.changesNothing(command("somethingNew"))).isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document command(String name) {
        return new de.bwaldvogel.mongo.bson.Document(name, "mail").append("$db", "planwatch");
    }

    private static List<String> dueSoonest(MongoCollection<Document> mail) {
        List<String> ids = new ArrayList<>();
        mail.find(new Document("status", "PENDING").append("due", new Document("$lte", 10)))
                .sort(new Document("due", 1)).limit(5).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .retryWrites(false).build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
