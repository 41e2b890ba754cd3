package org.planwatch.local;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVStore;

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
        // a message waits for its commit on its connection's event loop: more loops let more messages share one
        System.setProperty("io.netty.eventLoopThreads", "16");
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-stand-in-stop"));
        server.bind("127.0.0.1", Integer.parseInt(args[1]));
        Thread.currentThread().join();
    }

    /**
     * Writes every change to the file before answering it, as MongoDB's journal does, so {@code kill -9} of the
     * stand-in loses nothing it acknowledged (left to itself, H2 writes what changed once a second). Like MongoDB's
     * journal it commits in groups: one commit covers every message handled before it started, so the messages of
     * many connections share one write instead of each waiting for its own.
     */
    static final class DurableH2Backend extends H2Backend {

        private long handled;
        private long committed;
        private boolean committing;

        // H2 keeps 16 MB of pages by default, and a scan of a larger collection read and deserialized its pages from
        // the file every time; and each commit rewrites whole pages, so small pages keep a one-field update small
        DurableH2Backend(String file) {
            super(new MVStore.Builder().fileName(file).cacheSize(512).pageSplitSize(4096).open());
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new H2Database(name, getMvStore(), getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                                boolean sparse) {
                    return IdLookup.over(super.openOrCreateUniqueIndex(collection, index, keys, sparse), index, keys,
                            sparse);
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(String collection, String index,
                                                                   List<IndexKey> keys, boolean sparse) {
                    return FirstFieldIndex.over(super.openOrCreateSecondaryIndex(collection, index, keys, sparse),
                            index, keys, sparse);
                }
            };
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            Document answer = super.handleMessage(message);
            if (!changesNothing(message.getDocument())) {
                awaitCommitOf(ticket());
            }
            return answer;
        }

        private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct",
                "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo", "listCollections", "listIndexes",
                "listDatabases", "killCursors", "endSessions", "dbStats", "collStats", "serverStatus",
                "getParameter", "getLastError", "whatsmyuri", "saslStart", "saslContinue");

        /**
         * A read answers at once, as MongoDB's reads (read concern "local") do: what it saw is on the file before any
         * write that follows it is acknowledged, since that write's commit covers everything handled before it.
         * A command not known to be a read waits for the commit, to be safe.
         */
        static boolean changesNothing(Document command) {
            String name = command.keySet().iterator().next();
            if (name.equals("aggregate")) {
                return command.get("pipeline") instanceof List<?> stages && stages.stream().noneMatch(stage ->
                        stage instanceof Document step && (step.containsKey("$out") || step.containsKey("$merge")));
            }
            return READS.contains(name);
        }

        private synchronized long ticket() {
            return ++handled;
        }

        private void awaitCommitOf(long ticket) {
            long covered;
            synchronized (this) {
                while (committing && committed < ticket) {
                    waitForCommit();
                }
                if (committed >= ticket) {
                    return;
                }
                committing = true;
                covered = handled;
            }
            boolean kept = false;
            try {
                commit();
                kept = true;
            } finally {
                synchronized (this) {
                    committing = false;
                    if (kept) {
                        committed = covered;
                    }
                    notifyAll();
                }
            }
        }

        private void waitForCommit() {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the commit", e);
            }
        }
    }

    static SupervisedProcess process(Path file, int port, Path logFile) {
        return new SupervisedProcess("mongodb", null, SupervisedProcess.javaMain("-Xmx2g",
                MongoStandIn.class.getName(), file.toString(), Integer.toString(port)), Map.of(), logFile,
                SupervisedProcess.listening(port));
    }

    static String uri(int port, String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }
}
