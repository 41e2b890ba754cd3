package org.planwatch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * An Apache Kafka broker in KRaft mode (one node, broker and controller) in a process of its own, from the Kafka
 * jars on this module's classpath. Its log directory survives restarts, so topics and offsets do too.
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static String bootstrapServers(int port) {
        return "127.0.0.1:" + port;
    }

    /** Writes the broker's configuration, formats its log directory the first time, and returns it to start. */
    static SupervisedProcess prepare(Path dataDir, int port, int controllerPort, Path logFile)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        Path logs = dataDir.resolve("logs");
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logs.toAbsolutePath().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "planwatch local broker");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(SupervisedProcess.javaMain("-Xmx256m", "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed; see " + logFile);
            }
        }
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(port),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        SupervisedProcess.Readiness listening = SupervisedProcess.listening(port);
        return new SupervisedProcess("kafka", null, SupervisedProcess.javaMain("-Xmx512m", "kafka.Kafka",
                config.toAbsolutePath().toString()), Map.of(), logFile, () -> {
                    if (!listening.ready()) {
                        return false;
                    }
                    try (Admin client = Admin.create(admin)) {
                        return !client.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
                    }
                });
    }
}
