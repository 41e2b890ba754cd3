package org.planwatch.gateway.instances;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Built in each service's own load-balancer context (named by {@link InstanceChoice}), never in the gateway's: so it
 * is neither a {@code @Configuration} nor nested in one.
 */
class PerServiceInstanceChoice {

    @Bean
    ServiceInstanceListSupplier instancesThatAnswer(ConfigurableApplicationContext context) {
        RefusingInstances refusing = context.getBean(RefusingInstances.class);
        return ServiceInstanceListSupplier.builder().withDiscoveryClient().withCaching()
                .with((ctx, delegate) -> new InstanceChoice.PassingOverRefusing(delegate, refusing)).build(context);
    }
}
