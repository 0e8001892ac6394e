package ru.edu.decisions.service.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.TestPropertySource;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.routes.EducationalRoute.ItemStatus;
import ru.edu.decisions.service.routes.EducationalRoute.RouteEvent;
import ru.edu.decisions.service.routes.EducationalRoute.RouteItem;
import ru.edu.decisions.service.routes.EducationalRoute.Status;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherRepository;

/**
 * A route with its items and history on the embedded default (H2 in PostgreSQL mode, the same migrations as
 * PostgreSQL): saved, read back in order, an item moved on and an event appended.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:routes;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH")
class RoutePersistenceTest {

    @Autowired
    TeacherRepository teachers;
    @Autowired
    EducationalRouteRepository routes;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aRouteIsStoredWithItsItemsInOrderAndItsHistoryGrows() {
        Teacher teacher = teachers.save(new Teacher(Ids.newId(), null, "ust-ishim", null, "{}", "Усть-Ишимский район", null,
                "{\"name\":\"МБОУ «Ярковская ООШ»\",\"flags\":[\"LOW_RESULTS\"]}", now, now));
        UUID id = Ids.newId();
        RouteItem course = item("UI-F-METH", ActivityType.COURSE);
        RouteItem tutoring = item("UI-TUT", ActivityType.TUTORING);
        routes.save(new EducationalRoute(id, null, teacher.id(), "ust-ishim", Ids.newId(), "2023.1+abc", LocalDate.of(2026, 11, 23),
                null, "[]", LocalDate.of(2027, 9, 1), 72, Status.ACTIVE, now, "metodist", null, List.of(course, tutoring),
                List.of(new RouteEvent(now, "metodist", null, null, "ACTIVE", "Маршрут составлен"))));

        EducationalRoute stored = routes.findById(id).orElseThrow();
        assertThat(stored.items()).extracting(RouteItem::activityId).containsExactly("UI-F-METH", "UI-TUT");
        assertThat(stored.events()).hasSize(1);

        routes.save(stored.withItem(0, stored.items().get(0).moved(ItemStatus.IN_PROGRESS, null, now),
                new RouteEvent(now, "metodist", 1, "PLANNED", "IN_PROGRESS", null)));
        EducationalRoute updated = routes.findById(id).orElseThrow();
        assertThat(updated.items()).extracting(RouteItem::status).containsExactly(ItemStatus.IN_PROGRESS, ItemStatus.PLANNED);
        assertThat(updated.events()).extracting(RouteEvent::toStatus).containsExactly("ACTIVE", "IN_PROGRESS");
        assertThat(updated.version()).isEqualTo(stored.version() + 1);
        assertThat(routes.findByTeacherIdAndStatus(teacher.id(), Status.ACTIVE)).hasSize(1);
    }

    private RouteItem item(String activityId, ActivityType type) {
        return new RouteItem(activityId, type, "Мероприятие " + activityId, "METHODICAL", 36, ActivityFormat.DISTANCE, false,
                "Организатор", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 5, 31), "удостоверение", "Выраженный дефицит",
                "SEVERE_DEFICIT_COURSE", false, ItemStatus.PLANNED, null, now);
    }
}
