package org.planwatch.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One part of the local stack (a service, the broker, the MongoDB stand-in, the inbox) in a JVM of its own, ready
 * when its readiness check says so. Once supervised, a part that dies (a crash, an out-of-memory kill,
 * {@code kill -9}) is started again on its data, as a container platform would, waiting longer after each quick
 * failure.
 */
final class SupervisedProcess implements AutoCloseable {

    /** Whether a started part answers yet; an exception means not yet. */
    interface Readiness {
        boolean ready() throws Exception;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final String url;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Readiness readiness;
    private Process process;
    private volatile boolean stopping;
    private volatile Consumer<String> supervisor;
    private Duration nextWait = FIRST_WAIT;
    private volatile long startedAt;

    SupervisedProcess(String name, String url, List<String> command, Map<String, String> environment, Path logFile,
                      Readiness readiness) {
        this.name = name;
        this.url = url;
        this.command = command;
        this.environment = environment;
        this.logFile = logFile;
        this.readiness = readiness;
    }

    /** A Spring Boot jar on {@code port}, ready when its health says UP. */
    static SupervisedProcess springBoot(String name, Path jar, int port, Map<String, String> environment,
                                        Path logFile) {
        String url = "http://localhost:" + port;
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).build();
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        return new SupervisedProcess(name, url, java("-Xmx384m", "-jar", jar.toAbsolutePath().toString()), env,
                logFile, () -> {
                    HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200
                            && "UP".equals(JSON.readTree(response.body()).path("status").asString());
                });
    }

    /** A main class from this launcher's own classpath. */
    static List<String> javaMain(String heap, String mainClass, String... args) {
        List<String> command = java(heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                Processes.ownClasspath(), mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** Ready once something accepts connections on the port. */
    static Readiness listening(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            }
        };
    }

    private static List<String> java(String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), heap, "-Xss512k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(args));
        return command;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    synchronized void start() throws IOException {
        stopping = false;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        startedAt = System.nanoTime();
        if (supervisor != null) {
            watch(process);
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with " + current.exitValue() + "; see " + logFile);
            }
            try {
                if (readiness.ready()) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet, or not answering yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /** From now on, starts the part again whenever its process ends without {@link #stop} or {@link #close}. */
    synchronized void supervise(Consumer<String> say) {
        supervisor = say;
        watch(process);
    }

    private void watch(Process watched) {
        watched.onExit().thenRun(() -> {
            if (!stopping && watched == process) {
                Thread restart = new Thread(() -> restartAfter(watched), name + "-restart");
                restart.setDaemon(true);
                restart.start();
            }
        });
    }

    private void restartAfter(Process died) {
        boolean quickFailure = System.nanoTime() - startedAt < Duration.ofMinutes(1).toNanos();
        nextWait = !quickFailure ? FIRST_WAIT
                : nextWait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : nextWait.multipliedBy(2);
        try {
            // Ctrl-C reaches the children too: give the stack a moment to say it is stopping them itself.
            Thread.sleep(nextWait.toMillis());
            synchronized (this) {
                if (stopping || died != process) {
                    return;
                }
                supervisor.accept(name + " stopped unexpectedly (exit " + died.exitValue()
                        + "); starting it again (log: " + logFile + ")");
                start();
            }
            awaitReady(Duration.ofSeconds(180));
            supervisor.accept(name + " is up again" + (url == null ? "" : " at " + url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            supervisor.accept(name + " did not come back: " + e.getMessage());
        }
    }

    /** Kills the process outright, as a crash would; the supervisor starts it again. */
    void kill() {
        process.destroyForcibly();
    }

    /** No more restarts: the stack is stopping. */
    void markStopping() {
        stopping = true;
    }

    /** Stops the part (SIGTERM) and keeps it stopped until {@link #start} is called again. */
    void stop() {
        Process stopped;
        synchronized (this) {
            stopping = true;
            stopped = process;
        }
        Processes.stop(stopped, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }
}
