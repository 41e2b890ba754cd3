package org.planwatch.api.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every service's API refuses over-long parameters and body fields alike ({@link InputLimits}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class InputLimitsAutoConfiguration {

    @Bean
    InputLimits.Bodies boundedBodies() {
        return new InputLimits.Bodies();
    }

    @Bean
    WebMvcConfigurer boundedParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new InputLimits.Parameters());
            }
        };
    }
}
