package org.planwatch.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import reactor.netty.ReactorNetty;

@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Reactor Netty runs at least four event loops, twice the cores of a small machine: they took turns on the two
     * cores at every request (with one per core the gateway spent about a tenth less CPU per request). Nothing on the
     * gateway's loops blocks, so a loop per core is enough. Set {@code -Dreactor.netty.ioWorkerCount} to choose.
     */
    private static void oneEventLoopPerCore() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
    }
}
