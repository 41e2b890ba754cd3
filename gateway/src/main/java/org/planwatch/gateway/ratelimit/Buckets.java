package org.planwatch.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Where the token buckets live: in this gateway's memory (one limit per instance), or in Redis, so that every
 * gateway instance draws from the same bucket and the limit holds for the whole installation.
 */
interface Buckets extends AutoCloseable {

    /** Longer than Redis ever takes when it is there; what a request waits before it is let through without it. */
    Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    /** Takes one token from the caller's bucket for this route, made with {@code configuration} if new. */
    Mono<ConsumptionProbe> take(String key, BucketConfiguration configuration);

    @Override
    default void close() {
    }

    static Buckets inMemory() {
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(200_000)
                .build();
        return (key, configuration) -> Mono.just(buckets.get(key, k -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0]).build()).tryConsumeAndReturnRemaining(1));
    }

    /**
     * Buckets in Redis (Bucket4j's compare-and-swap on Lettuce's asynchronous client, so the event loop never waits
     * on Redis); a bucket's key expires once it would be full again.
     */
    static Buckets redis(String uri) {
        RedisClient client = RedisClient.create(uri);
        // While Redis is away a command fails at once instead of queueing for the reconnection.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        StatefulRedisConnection<String, byte[]> connection = client.connect(
                RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build().asAsync();
        return new Buckets() {
            @Override
            public Mono<ConsumptionProbe> take(String key, BucketConfiguration configuration) {
                return Mono.fromFuture(() -> buckets.builder()
                        .build("planwatch:rate:" + key, () -> CompletableFuture.completedFuture(configuration))
                        .tryConsumeAndReturnRemaining(1)).timeout(ANSWER_WITHIN);
            }

            @Override
            public void close() {
                connection.close();
                client.shutdown();
            }
        };
    }
}
