package org.planwatch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One planwatch service, run from its Spring Boot jar in a JVM of its own, ready when its health says UP. Once
 * supervised, a service that dies (a crash, an out-of-memory kill, {@code kill -9}) is started again, as a container
 * platform would, waiting longer after each quick failure.
 */
final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper HEALTH = JsonMapper.builder().build();

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;
    private volatile boolean stopping;
    private Duration nextWait = FIRST_WAIT;
    private volatile long startedAt;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    synchronized void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx384m", "-Xss512k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        process = builder.start();
        startedAt = System.nanoTime();
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200
                        && "UP".equals(HEALTH.readTree(response.body()).path("status").asString())) {
                    return;
                }
            } catch (IOException | JacksonException notYet) {
                // not listening yet, or not answering with its health yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + logFile);
    }

    /** From now on, restarts the service whenever its process ends without {@link #close} having asked it to. */
    void superviseRestarts(java.util.function.Consumer<String> say) {
        Process watched = process;
        watched.onExit().thenRun(() -> {
            if (stopping) {
                return;
            }
            Thread restart = new Thread(() -> restartAfter(watched, say), name + "-restart");
            restart.setDaemon(true);
            restart.start();
        });
    }

    private void restartAfter(Process died, java.util.function.Consumer<String> say) {
        boolean quickFailure = System.nanoTime() - startedAt < Duration.ofMinutes(1).toNanos();
        nextWait = !quickFailure ? FIRST_WAIT
                : nextWait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : nextWait.multipliedBy(2);
        try {
            // Ctrl-C reaches the services too: give the stack a moment to say it is stopping them itself.
            Thread.sleep(nextWait.toMillis());
            synchronized (this) {
                if (stopping) {
                    return;
                }
                say.accept(name + " stopped unexpectedly (exit " + died.exitValue() + "); starting it again (log: "
                        + logFile + ")");
                start();
            }
            superviseRestarts(say);
            awaitHealthy(Duration.ofSeconds(180));
            say.accept(name + " is up again at " + url());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            say.accept(name + " did not come back: " + e.getMessage());
        }
    }

    /** Kills the service's process outright, as a crash would; for tests of what survives one. */
    void kill() {
        process.destroyForcibly();
    }

    /** No more restarts: the stack is stopping. */
    void markStopping() {
        stopping = true;
    }

    @Override
    public void close() {
        Process stopped;
        synchronized (this) {
            stopping = true;
            stopped = process;
        }
        Processes.stop(stopped, Duration.ofSeconds(20));
    }
}
