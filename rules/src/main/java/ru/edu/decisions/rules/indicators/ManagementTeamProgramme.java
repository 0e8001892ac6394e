package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;

/** An entered participation of a school's management team in a qualification programme, with its date. */
public record ManagementTeamProgramme(String school, String programme, LocalDate date) {
}
