package ru.edu.decisions.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The decision service: rule-driven decisions for municipal methodological support, over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DecisionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DecisionServiceApplication.class, args);
    }
}
