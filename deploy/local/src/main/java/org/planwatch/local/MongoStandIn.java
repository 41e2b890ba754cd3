package org.planwatch.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stand-in for MongoDB: mongo-java-server, which speaks the MongoDB wire protocol, over its H2 file
 * backend so that data survives a restart. It is not MongoDB (no transactions, no replica set); the services are
 * written for a real MongoDB replica set and use nothing this stand-in alone offers.
 */
final class MongoStandIn implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    MongoStandIn(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    void start() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        server.bind("127.0.0.1", port);
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
        }
    }
}
