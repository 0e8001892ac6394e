package ru.edu.decisions.model;

/** An enum value with a Russian label, used when a decision quotes a person's data back to them. */
public interface Labelled {
    String label();
}
