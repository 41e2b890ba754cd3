package org.planwatch.gateway.instances;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Remembers the instances that refused a connection (a replica killed or restarting) and passes them over for a few
 * seconds ({@code planwatch.instances.pass-over-for}), so the Retry filter's next try, and everyone else's requests
 * meanwhile, go to an instance that answers. The first request after that tries it again: a passive health check
 * that costs no probes and needs no health endpoint.
 */
@Component
public class RefusingInstances implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private final Map<String, Instant> refusedAt = new ConcurrentHashMap<>();
    private final Duration passOverFor;
    private final Clock clock = Clock.systemUTC();

    RefusingInstances(@Value("${planwatch.instances.pass-over-for:5s}") Duration passOverFor) {
        this.passOverFor = passOverFor;
    }

    public boolean refusedLately(ServiceInstance instance) {
        Instant refused = refusedAt.get(key(instance));
        return refused != null && refused.plus(passOverFor).isAfter(clock.instant());
    }

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
        if (chosen == null || !chosen.hasServer()) {
            return;
        }
        if (completion.status() == CompletionContext.Status.FAILED
                && NestedExceptionUtils.getMostSpecificCause(completion.getThrowable()) instanceof ConnectException) {
            refusedAt.put(key(chosen.getServer()), clock.instant());
        } else if (completion.status() == CompletionContext.Status.SUCCESS) {
            refusedAt.remove(key(chosen.getServer()));
        }
    }

    @Override
    public void onStart(Request<Object> request) {
    }

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> response) {
    }

    private static String key(ServiceInstance instance) {
        return instance.getServiceId() + " " + instance.getUri();
    }
}
