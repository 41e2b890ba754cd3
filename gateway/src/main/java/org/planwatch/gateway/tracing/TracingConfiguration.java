package org.planwatch.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    TraceContextPassedOn traceContextPassedOn(Propagator propagator) {
        return new TraceContextPassedOn(propagator);
    }
}
