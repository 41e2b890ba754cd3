package org.planwatch.gateway.instances;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

/**
 * Every service's load balancer chooses round the instances discovery lists, less those that refused a connection
 * lately; if all did, all are tried, so a service that comes back is found at once.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = PerServiceInstanceChoice.class)
class InstanceChoice {

    static class PassingOverRefusing extends DelegatingServiceInstanceListSupplier {

        private final RefusingInstances refusing;

        PassingOverRefusing(ServiceInstanceListSupplier delegate, RefusingInstances refusing) {
            super(delegate);
            this.refusing = refusing;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return getDelegate().get().map(instances -> {
                List<ServiceInstance> answering = instances.stream().filter(i -> !refusing.refusedLately(i)).toList();
                return answering.isEmpty() ? instances : answering;
            });
        }
    }
}
