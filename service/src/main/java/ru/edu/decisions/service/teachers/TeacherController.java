package ru.edu.decisions.service.teachers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.teachers.TeacherViews.Details;
import ru.edu.decisions.service.teachers.TeacherViews.Registration;
import ru.edu.decisions.service.teachers.TeacherViews.Summary;

@RestController
@Tag(name = "ИМЦ: педагоги")
class TeacherController {

    private final TeacherService teachers;
    private final SchoolDirectory schools;
    private final CurrentActor current;

    TeacherController(TeacherService teachers, SchoolDirectory schools, CurrentActor current) {
        this.teachers = teachers;
        this.schools = schools;
        this.current = current;
    }

    @PostMapping("/api/v1/teachers")
    @Operation(summary = "Записать педагога (или обновить — по внешнему id профиля) с местом работы: район, округ, школа")
    ResponseEntity<Details> register(@Valid @RequestBody Registration registration) {
        current.requireWrite(registration.jurisdiction());
        Details details = teachers.register(registration, current.name());
        return ResponseEntity.created(URI.create("/api/v1/teachers/" + details.id())).body(details);
    }

    @GetMapping("/api/v1/teachers")
    @Operation(summary = "Педагоги территории, постранично (недавно изменённые сначала)")
    PageView<Summary> list(@RequestParam String jurisdiction, @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        current.requireRead(jurisdiction);
        return teachers.list(jurisdiction, page, size);
    }

    @GetMapping("/api/v1/teachers/{id}")
    @Operation(summary = "Педагог с профилем и местом работы")
    Details get(@PathVariable UUID id) {
        current.requireRecord(teachers.find(id).jurisdiction(), TeacherService.notFound(id));
        return teachers.details(id);
    }

    @GetMapping("/api/v1/schools")
    @Operation(summary = "Справочник школ территории с признаками (низкие результаты, сложные социальные условия)")
    List<SchoolDirectory.ReferenceSchool> schools(@RequestParam String jurisdiction) {
        current.requireRead(jurisdiction);
        return schools.list(jurisdiction);
    }
}
