package org.planwatch.plan;

import org.planwatch.plan.planimport.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PlanServiceApplication {

    public static void main(String[] args) {
        if (ImportCommand.isRequested(args)) {
            System.exit(ImportCommand.run(args, System.out, PlanServiceApplication.class));
        }
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
