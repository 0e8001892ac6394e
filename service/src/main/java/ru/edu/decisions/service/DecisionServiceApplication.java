package ru.edu.decisions.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The decision service: rule-driven decisions for municipal methodological support, over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DecisionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DecisionServiceApplication.class, args);
    }
}
