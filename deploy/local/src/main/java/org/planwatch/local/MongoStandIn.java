package org.planwatch.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local stand-in for MongoDB, in a process of its own: mongo-java-server, which speaks the MongoDB wire
 * protocol, over its H2 file backend so that data survives a restart. It is not MongoDB (no transactions, no replica
 * set); the services are written for a real MongoDB replica set and use nothing this stand-in alone offers.
 */
public final class MongoStandIn {

    private MongoStandIn() {
    }

    /** Runs the stand-in: {@code <data file> <port>}, until the process is stopped. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-stand-in-stop"));
        server.bind("127.0.0.1", Integer.parseInt(args[1]));
        Thread.currentThread().join();
    }

    /**
     * Writes every change to the file before answering it, as MongoDB's journal does, so {@code kill -9} of the
     * stand-in loses nothing it acknowledged; left to itself, H2 writes what changed once a second.
     */
    static final class DurableH2Backend extends H2Backend {

        DurableH2Backend(String file) {
            super(file);
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            Document answer = super.handleMessage(message);
            commit();
            return answer;
        }
    }

    static SupervisedProcess process(Path file, int port, Path logFile) {
        return new SupervisedProcess("mongodb", null, SupervisedProcess.javaMain("-Xmx384m",
                MongoStandIn.class.getName(), file.toString(), Integer.toString(port)), Map.of(), logFile,
                SupervisedProcess.listening(port));
    }

    static String uri(int port, String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }
}
