package ru.edu.decisions.service.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.edu.decisions.service.imports.ImportViews.ImportResult;
import ru.edu.decisions.service.security.CurrentActor;

@RestController
@Tag(name = "ИМЦ: форма кандидатов (загрузка, шаблон, выгрузка)")
class CandidateImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CandidateImports imports;
    private final FormWorkbooks workbooks;
    private final CurrentActor current;

    CandidateImportController(CandidateImports imports, FormWorkbooks workbooks, CurrentActor current) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.current = current;
    }

    @PostMapping(path = "/api/v1/candidates/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Загрузить заполненную форму кандидатов (.xlsx или .docx): прочитать, вынести решения, "
            + "сохранить (dryRun=true — только проверить, ничего не сохраняя)")
    ImportResult importForm(@RequestParam String jurisdiction, @RequestParam(defaultValue = "false") boolean dryRun,
                            @RequestPart("file") MultipartFile file) throws IOException {
        current.requireWrite(jurisdiction);
        return imports.importForm(jurisdiction, file.getBytes(), dryRun, current.name());
    }

    @GetMapping("/api/v1/candidates/imports/template")
    @Operation(summary = "Шаблон формы кандидатов (XLSX) с выпадающими списками и инструкцией — для рассылки в школы")
    ResponseEntity<byte[]> template(@RequestParam String jurisdiction) {
        current.requireRead(jurisdiction);
        return file(workbooks.template(jurisdiction), "forma-kandidatov-" + jurisdiction + ".xlsx");
    }

    @GetMapping("/api/v1/candidates/export.xlsx")
    @Operation(summary = "Выгрузка кандидатов территории по форме Приложения (XLSX) с решениями, основаниями и причинами; "
            + "каждая выгруженная запись фиксируется в журнале доступа")
    ResponseEntity<byte[]> exportCandidates(@RequestParam String jurisdiction) {
        current.requireRead(jurisdiction);
        return file(workbooks.candidates(jurisdiction), "kandidaty-" + jurisdiction + ".xlsx");
    }

    @GetMapping("/api/v1/registry/{jurisdiction}/export.xlsx")
    @Operation(summary = "Выгрузка реестра ММА территории по форме Приложения (XLSX); каждая выгруженная запись "
            + "фиксируется в журнале доступа")
    ResponseEntity<byte[]> exportRegistry(@PathVariable String jurisdiction) {
        current.requireRead(jurisdiction);
        return file(workbooks.registry(jurisdiction), "reestr-mma-" + jurisdiction + ".xlsx");
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(bytes);
    }
}
