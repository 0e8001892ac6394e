package ru.edu.decisions.service.routes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import ru.edu.decisions.model.Labelled;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * A teacher's individual educational route as stored in the IMC workflow: the items the route decision chose, their
 * progress, and the history of every change. One aggregate: items and events are saved with the route (tables
 * {@code route_item} and {@code route_event}, keyed by {@code educational_route} and the list index
 * {@code educational_route_key}; names derived, never spelled out, so each database gets its own letter case).
 */
@Table
public record EducationalRoute(
        @Id UUID id,
        @Version @Nullable Long version,
        UUID teacherId,
        String jurisdiction,
        UUID decisionId,
        String ruleSetVersion,
        LocalDate asOf,
        @Nullable LocalDate diagnosticsDate,
        String deficits,
        @Nullable LocalDate followUpDiagnostics,
        int totalHours,
        Status status,
        Instant createdAt,
        @Nullable String createdBy,
        @Nullable Instant completedAt,
        @MappedCollection List<RouteItem> items,
        @MappedCollection List<RouteEvent> events) {

    /**
     * ACTIVE → COMPLETED when every item is done; SUPERSEDED when new diagnostics give a new route; EMPTY when the
     * diagnostics found nothing to do; UNMET when they found deficits or circumstances the catalogue meets none of.
     */
    public enum Status implements Labelled {
        ACTIVE("действует"), COMPLETED("завершён"), SUPERSEDED("заменён новым"), EMPTY("пуст"), UNMET("не составлен");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum ItemStatus implements Labelled {
        PLANNED("запланировано"), IN_PROGRESS("начато"), DONE("выполнено");

        private final String label;

        ItemStatus(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** One activity of the route; {@code requiredEvidence} says what proves it done, {@code evidence} is what was given. */
    @Table
    public record RouteItem(
            String activityId,
            ActivityType type,
            String title,
            String areas,
            int hours,
            ActivityFormat format,
            boolean federalRegistry,
            @Nullable String provider,
            LocalDate startDate,
            LocalDate endDate,
            String requiredEvidence,
            String reason,
            String code,
            boolean deferred,
            ItemStatus status,
            @Nullable String evidence,
            Instant updatedAt) {

        RouteItem moved(ItemStatus to, @Nullable String evidence, Instant now) {
            return new RouteItem(activityId, type, title, areas, hours, format, federalRegistry, provider, startDate, endDate,
                    requiredEvidence, reason, code, deferred, to, evidence == null ? this.evidence : evidence, now);
        }
    }

    /** A change of the route or of one of its items (item number 1-based; null for the route itself). */
    @Table
    public record RouteEvent(Instant at, @Nullable String actor, @Nullable Integer itemNumber, @Nullable String fromStatus,
                        String toStatus, @Nullable String note) {
    }

    EducationalRoute withItem(int index, RouteItem item, RouteEvent event) {
        List<RouteItem> newItems = new ArrayList<>(items);
        newItems.set(index, item);
        List<RouteEvent> newEvents = new ArrayList<>(events);
        newEvents.add(event);
        return new EducationalRoute(id, version, teacherId, jurisdiction, decisionId, ruleSetVersion, asOf, diagnosticsDate,
                deficits, followUpDiagnostics, totalHours, status, createdAt, createdBy, completedAt, newItems, newEvents);
    }

    EducationalRoute withStatus(Status to, @Nullable Instant completed, RouteEvent event) {
        List<RouteEvent> newEvents = new ArrayList<>(events);
        newEvents.add(event);
        return new EducationalRoute(id, version, teacherId, jurisdiction, decisionId, ruleSetVersion, asOf, diagnosticsDate,
                deficits, followUpDiagnostics, totalHours, to, createdAt, createdBy, completed, items, newEvents);
    }
}
