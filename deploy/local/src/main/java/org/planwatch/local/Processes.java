package org.planwatch.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the child processes of the local stack. */
final class Processes {

    private Processes() {
    }

    /** The java that runs this launcher, so every child runs on the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This launcher's classpath for a child JVM: the lib/ folder beside the launcher jar when started with
     * {@code java -jar}, else the classpath as given (in tests and IDEs).
     */
    static String ownClasspath() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            Path lib = Path.of(classpath).toAbsolutePath().getParent().resolve("lib");
            if (Files.isDirectory(lib)) {
                return classpath + File.pathSeparator + lib + File.separator + "*";
            }
        }
        return classpath;
    }

    /** Asks a process to stop (SIGTERM, so Spring and Kafka shut down cleanly), and kills it if it will not. */
    static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
