package org.planwatch.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** With tracing turned off by configuration there is no propagator, and nothing to pass on. */
    @Bean
    TraceContextPassedOn traceContextPassedOn(ObjectProvider<Propagator> propagator) {
        return new TraceContextPassedOn(propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
