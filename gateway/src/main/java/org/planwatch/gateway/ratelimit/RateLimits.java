package org.planwatch.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The gateway's RequestRateLimiter counts per signed-in caller, or per address for those not signed in. */
@Configuration(proxyBeanMethods = false)
class RateLimits {

    /** In memory unless a Redis is named: {@code redis://host:6379}, {@code rediss://...} for TLS. */
    @Bean(destroyMethod = "close")
    Buckets rateLimitBuckets(@Value("${planwatch.rate-limit.redis-uri:}") String redisUri) {
        return redisUri.isBlank() ? Buckets.inMemory() : Buckets.redis(redisUri);
    }

    @Bean
    ClientRateLimiter clientRateLimiter(ConfigurationService configurationService, Buckets buckets,
            @Value("${planwatch.rate-limit.capacity:100}") long capacity,
            @Value("${planwatch.rate-limit.per-second:50}") long perSecond) {
        return new ClientRateLimiter(configurationService,
                new ClientRateLimiter.Limit().setCapacity(capacity).setPerSecond(perSecond), buckets);
    }

    @Bean
    KeyResolver callerOrAddress() {
        return exchange -> exchange.getPrincipal().map(Principal::getName).map(name -> "caller " + name)
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    InetSocketAddress address = exchange.getRequest().getRemoteAddress();
                    return "address " + (address == null ? "unknown" : address.getAddress().getHostAddress());
                }));
    }
}
