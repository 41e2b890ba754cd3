package org.planwatch.measure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MeasureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeasureServiceApplication.class, args);
    }
}
