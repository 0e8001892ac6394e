package ru.edu.decisions.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Contact data: personal data under 152-FZ, never logged. */
public record Contacts(
        @Nullable @Size(max = 50) String phone,
        @Nullable @Email @Size(max = 200) String email) {

    @Override
    public String toString() {
        return "Contacts[hidden]";
    }
}
