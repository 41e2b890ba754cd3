package org.planwatch.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.validation.annotation.Validated;
import reactor.core.publisher.Mono;

/**
 * One token bucket per caller and route, in this gateway's memory: a burst of {@code capacity} requests, refilled
 * at {@code perSecond}. A caller who runs dry gets 429 with Retry-After saying when the next token comes. Each
 * route sets its own limits ({@code client-rate-limiter.capacity} in the route's RequestRateLimiter args).
 *
 * <p>The buckets live in one gateway instance: with several instances each allows the full rate. Buckets that a
 * shared store keeps (Bucket4j's Redis proxy managers) would make it one limit for all; not built yet.
 */
public class ClientRateLimiter extends AbstractRateLimiter<ClientRateLimiter.Limit> {

    public static final String CONFIGURATION_PROPERTY_NAME = "client-rate-limiter";

    private final Limit defaults;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    public ClientRateLimiter(ConfigurationService configurationService, Limit defaults) {
        super(Limit.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        this.defaults = defaults;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String caller) {
        Limit limit = getConfig().getOrDefault(routeId, defaults);
        Bucket bucket = buckets.get(routeId + " " + caller, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.getCapacity())
                        .refillGreedy(limit.getPerSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(limit.getCapacity()));
        headers.put("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
            headers.put("Retry-After", String.valueOf(Math.max(1, seconds)));
        }
        return Mono.just(new Response(probe.isConsumed(), headers));
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
