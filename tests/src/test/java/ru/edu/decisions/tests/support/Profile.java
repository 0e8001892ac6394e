package ru.edu.decisions.tests.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A teacher profile as JSON, built field by field with the contract's names. */
public final class Profile {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> employment = new LinkedHashMap<>();

    public static Profile teacher(String fullName) {
        Profile profile = new Profile();
        profile.fields.put("fullName", fullName);
        return profile;
    }

    /** A teacher who meets Ust-Ishim's mandatory requirements (higher pedagogical education, 12 years) and no ground. */
    public static Profile qualifiedTeacher(String fullName) {
        return teacher(fullName)
                .education("HIGHER", true, 2007, "Математика")
                .employment("organization", "МБОУ «Аксёновская СОШ»")
                .employment("organizationKind", "SCHOOL")
                .employment("position", "TEACHER")
                .employment("qualificationCategory", "FIRST")
                .employment("specialtyExperienceYears", 12)
                .employment("pedagogicalExperienceYears", 15)
                .employment("subjects", List.of("математика"))
                .list("trainings").list("memberships").list("achievements").list("assessments");
    }

    public Profile set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Profile education(String level, Boolean pedagogical, int year, String specialty) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("level", level);
        entry.put("pedagogical", pedagogical);
        entry.put("year", year);
        entry.put("specialty", specialty);
        entry.put("institution", "ОмГПУ");
        return add("education", entry);
    }

    public Profile employment(String field, Object value) {
        employment.put(field, value);
        return this;
    }

    public Profile training(String kind, boolean federalRegistry, int year) {
        return add("trainings", Map.of("title", "Школа современного учителя", "provider", "Академия Минпросвещения России",
                "year", year, "hours", 72, "kind", kind, "federalRegistry", federalRegistry));
    }

    public Profile membership(String kind, String role, String level, String title) {
        return add("memberships", Map.of("kind", kind, "role", role, "level", level, "title", title));
    }

    public Profile achievement(String result, String level) {
        return add("achievements", Map.of("title", "Учитель года", "level", level, "result", result, "year", 2024));
    }

    public Profile assessment(String kind, String result) {
        return add("assessments", Map.of("kind", kind, "result", result, "date", "2025-04-10"));
    }

    /** Makes an absent list present and empty ("none"). */
    public Profile list(String field) {
        fields.putIfAbsent(field, new ArrayList<>());
        return this;
    }

    @SuppressWarnings("unchecked")
    private Profile add(String field, Map<String, Object> entry) {
        ((List<Object>) fields.computeIfAbsent(field, f -> new ArrayList<>())).add(entry);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> profile = new LinkedHashMap<>(fields);
        if (!employment.isEmpty()) {
            profile.put("employment", new LinkedHashMap<>(employment));
        }
        return profile;
    }

    /** The body of a decision request for this profile. */
    public Map<String, Object> request(String jurisdiction, String asOf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jurisdiction", jurisdiction);
        body.put("asOf", asOf);
        body.put("candidate", build());
        return body;
    }
}
