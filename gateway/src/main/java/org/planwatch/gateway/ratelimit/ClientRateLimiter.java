package org.planwatch.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.validation.annotation.Validated;
import reactor.core.publisher.Mono;

/**
 * One token bucket per caller and route: a burst of {@code capacity} requests, refilled at {@code perSecond}. A caller
 * who runs dry gets 429 with Retry-After saying when the next token comes. Each route sets its own limits
 * ({@code client-rate-limiter.capacity} in the route's RequestRateLimiter args). The buckets live in this gateway's
 * memory, or in Redis when {@code planwatch.rate-limit.redis-uri} is set, so that several instances share one limit.
 * If Redis cannot be reached the request is let through (and logged): an outage of the limiter's store must not
 * refuse every caller.
 */
public class ClientRateLimiter extends AbstractRateLimiter<ClientRateLimiter.Limit> {

    public static final String CONFIGURATION_PROPERTY_NAME = "client-rate-limiter";

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimiter.class);
    private final Limit defaults;
    private final Buckets buckets;

    ClientRateLimiter(ConfigurationService configurationService, Limit defaults, Buckets buckets) {
        super(Limit.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        this.defaults = defaults;
        this.buckets = buckets;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String caller) {
        Limit limit = getConfig().getOrDefault(routeId, defaults);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.getCapacity())
                        .refillGreedy(limit.getPerSecond(), Duration.ofSeconds(1)))
                .build();
        return buckets.take(routeId + " " + caller, configuration)
                .map(probe -> answer(limit, probe))
                .onErrorResume(storeAway -> {
                    log.warn("Rate limit not checked, the request goes through: {}", storeAway.toString());
                    return Mono.just(new Response(true, Map.of()));
                });
    }

    private static Response answer(Limit limit, ConsumptionProbe probe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(limit.getCapacity()));
        headers.put("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
            headers.put("Retry-After", String.valueOf(Math.max(1, seconds)));
        }
        return new Response(probe.isConsumed(), headers);
    }

    /** A route's limits: how many requests at once, and how many a second after that. */
    @Validated
    public static class Limit {
        @Min(1)
        private long capacity = 100;
        @Min(1)
        private long perSecond = 50;

        public long getCapacity() {
            return capacity;
        }

        public Limit setCapacity(long capacity) {
            this.capacity = capacity;
            return this;
        }

        public long getPerSecond() {
            return perSecond;
        }

        public Limit setPerSecond(long perSecond) {
            this.perSecond = perSecond;
            return this;
        }
    }
}
