package ru.edu.decisions.rules.indicators;

import java.util.List;

/**
 * Everything the indicator rules read for one jurisdiction, as gathered from the stored workflow and the entered
 * values: plain records, no decision in them.
 */
public record IndicatorFacts(List<Staff> staff, List<DiagnosticsTaken> diagnostics, List<RouteRecord> routes,
                             List<RouteItemRecord> items, List<MentoringPairRecord> pairs, List<SchoolRecord> schools,
                             List<RoadMap> roadMaps, List<Survey> surveys, List<ManagementTeamProgramme> teams) {

    public IndicatorFacts {
        staff = List.copyOf(staff);
        diagnostics = List.copyOf(diagnostics);
        routes = List.copyOf(routes);
        items = List.copyOf(items);
        pairs = List.copyOf(pairs);
        schools = List.copyOf(schools);
        roadMaps = List.copyOf(roadMaps);
        surveys = List.copyOf(surveys);
        teams = List.copyOf(teams);
    }

    public static IndicatorFacts none() {
        return new IndicatorFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
