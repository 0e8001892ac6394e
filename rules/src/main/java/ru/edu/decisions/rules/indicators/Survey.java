package ru.edu.decisions.rules.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An entered satisfaction survey: the day it was held, its result in percent and how many people answered. */
public record Survey(LocalDate date, BigDecimal resultPercent, int respondents) {
}
