package org.planwatch.local.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalIssuer {

    public static void main(String[] args) {
        SpringApplication.run(LocalIssuer.class, args);
    }
}
