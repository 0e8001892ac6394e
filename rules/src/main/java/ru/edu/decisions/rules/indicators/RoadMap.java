package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;

/** The entered «дорожная карта» of methodological support: the document's number and date. */
public record RoadMap(String number, LocalDate date) {
}
