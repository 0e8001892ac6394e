package ru.edu.decisions.service.routes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.School;

/** Request and response shapes of route tracking. */
public final class RouteViews {

    private RouteViews() {
    }

    /** Diagnostics of a stored teacher ({@code school} overrides the teacher's recorded school for this route). */
    public record DiagnosticsSubmission(
            @Nullable LocalDate asOf,
            @NotNull @Valid Diagnostics diagnostics,
            @Nullable Preferences preferences,
            @Nullable @Valid School school) {
    }

    /** The next step of an item: IN_PROGRESS, then DONE with the evidence of completion. */
    public record ProgressUpdate(@NotNull EducationalRoute.ItemStatus status, @Nullable @Size(max = 2000) String evidence) {
    }

    public record ItemView(int number, String activityId, ActivityType type, String title, List<CompetenceArea> areas,
                           int hours, ActivityFormat format, boolean federalRegistry, @Nullable String provider,
                           LocalDate start, LocalDate end, String requiredEvidence, String reason, String code,
                           boolean deferred, EducationalRoute.ItemStatus status, @Nullable String evidence, Instant updatedAt) {
    }

    public record RouteView(UUID id, UUID teacherId, String jurisdiction, EducationalRoute.Status status, UUID decisionId,
                            String ruleSetVersion, LocalDate asOf, @Nullable LocalDate diagnosticsDate, List<Deficit> deficits,
                            List<ItemView> items, int totalHours, @Nullable LocalDate followUpDiagnostics,
                            Instant createdAt, @Nullable String createdBy, @Nullable Instant completedAt,
                            List<Reason> reasons, List<EducationalRoute.RouteEvent> history) {
    }
}
