package ru.edu.decisions.service.indicators;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.service.indicators.IndicatorViews.EnteredValues;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistInput;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyInput;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamInput;
import ru.edu.decisions.service.teachers.TeacherService;

/** The values the IMC enters for the indicators (what the workflow does not hold), each with who entered it and when. */
@Service
class IndicatorEntries {

    private final IndicatorStore store;
    private final IndicatorService indicators;
    private final TeacherService teachers;
    private final Clock clock;

    IndicatorEntries(IndicatorStore store, IndicatorService indicators, TeacherService teachers, Clock clock) {
        this.store = store;
        this.indicators = indicators;
        this.teachers = teachers;
        this.clock = clock;
    }

    EnteredValues entered(String jurisdiction) {
        indicators.requireJurisdiction(jurisdiction);
        return store.entered(jurisdiction);
    }

    @Transactional
    RoadMapEntry roadMap(RoadMapInput input, @Nullable String user) {
        indicators.requireJurisdiction(input.jurisdiction());
        return store.addRoadMap(input.jurisdiction(), input.number().strip(), input.date(), user, clock.instant());
    }

    @Transactional
    SurveyEntry survey(SurveyInput input, @Nullable String user) {
        indicators.requireJurisdiction(input.jurisdiction());
        return store.addSurvey(input.jurisdiction(), input.date(), input.resultPercent().setScale(1, java.math.RoundingMode.HALF_UP),
                input.respondents(), user, clock.instant());
    }

    @Transactional
    TeamEntry team(TeamInput input, @Nullable String user) {
        indicators.requireJurisdiction(input.jurisdiction());
        return store.addTeam(input.jurisdiction(), input.school().strip(), input.programme().strip(), input.date(), user,
                clock.instant());
    }

    @Transactional
    SchoolEntry school(SchoolInput input, @Nullable String user) {
        indicators.requireJurisdiction(input.jurisdiction());
        return store.putSchool(input.jurisdiction(), input.school().strip(), input.since(), blankToNull(input.document()), user,
                clock.instant());
    }

    @Transactional
    boolean removeSchool(String jurisdiction, String school) {
        return store.deleteSchool(jurisdiction, school.strip());
    }

    /** The jurisdiction of a stored teacher (404 when there is none). */
    String teacherJurisdiction(UUID teacherId) {
        return teachers.find(teacherId).jurisdiction();
    }

    @Transactional
    MethodistEntry methodist(UUID teacherId, MethodistInput input, @Nullable String user) {
        String jurisdiction = teacherJurisdiction(teacherId);
        return store.putMethodist(jurisdiction, teacherId, input.since(), blankToNull(input.document()), user, clock.instant());
    }

    @Transactional
    boolean removeMethodist(UUID teacherId) {
        return store.deleteMethodist(teacherId);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
