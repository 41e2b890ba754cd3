package org.planwatch.api.docs;

import org.planwatch.caller.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every service's OpenAPI document states the same security, refusals and limits ({@link PublicApiConventions}). */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocumentationAutoConfiguration {

    static {
        // Who is calling comes from the token, never from a parameter a client could send.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer publicApiConventions(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:http://localhost:9000}") String issuer) {
        return new PublicApiConventions(issuer);
    }
}
