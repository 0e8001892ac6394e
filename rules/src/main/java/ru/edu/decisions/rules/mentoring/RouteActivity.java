package ru.edu.decisions.rules.mentoring;

import ru.edu.decisions.model.routes.ActivityType;

/**
 * An activity of the given type in a teacher's active route (by the teacher's id as a mentee): which types mean the
 * teacher needs a mentor is the rules' word (rules/common/mentoring-mentees.drl).
 */
public record RouteActivity(String menteeId, ActivityType type) {
}
