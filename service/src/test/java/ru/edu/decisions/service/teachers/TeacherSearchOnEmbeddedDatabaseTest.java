package ru.edu.decisions.service.teachers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.service.teachers.TeacherViews.Registration;
import ru.edu.decisions.service.teachers.TeacherViews.Summary;

/**
 * Finding teachers by a part of the name or school on the embedded default database (H2 in PostgreSQL mode): without
 * case, ё as е, quotes ignored, LIKE's wildcards taken literally. (The same context as the registry's embedded test.)
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:registry-workflow;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "decisions.security.admin-password=embedded-test-password-123"})
class TeacherSearchOnEmbeddedDatabaseTest {

    @Autowired
    TeacherService teachers;

    private void register(String name, String school) {
        TeacherProfile profile = new TeacherProfile(null, name, null, null, null,
                new Employment(school, null, null, null, null, null, null, null, null), null, null, null, null, null, null, null);
        teachers.register(new Registration("ust-ishim", profile, null, null, new School(school, null)), "методист");
    }

    private List<String> names(String name, String school) {
        return teachers.search("ust-ishim", name, school, 0, 50).items().stream().map(Summary::fullName).toList();
    }

    @Test
    void teachersAreFoundByAPartOfTheNameOrOfTheSchool() {
        register("Сёмина Алёна Поисковна", "МБОУ «Ореховская СОШ»");
        register("Семёнов Пётр Поисков", "МБОУ «Пановская СОШ»");
        register("Поисков_100% Тест", "Частная школа «Знайка»");

        assertThat(names("семин", null)).containsExactly("Сёмина Алёна Поисковна");
        assertThat(names("ПОИСКОВ", null)).containsExactly("Поисков_100% Тест", "Семёнов Пётр Поисков", "Сёмина Алёна Поисковна");
        assertThat(names("поисков", "ореховская")).containsExactly("Сёмина Алёна Поисковна");
        assertThat(names(null, "\"знайка\"")).containsExactly("Поисков_100% Тест");
        assertThat(names("_100%", null)).containsExactly("Поисков_100% Тест");
        assertThat(names("%", null)).containsExactly("Поисков_100% Тест");
        assertThat(names("нет такого", null)).isEmpty();
        assertThat(teachers.search("ust-ishim", "поисков", null, 1, 2).items()).hasSize(1);
        assertThat(teachers.search("ust-ishim", "поисков", null, 0, 2).totalItems()).isEqualTo(3);
    }
}
