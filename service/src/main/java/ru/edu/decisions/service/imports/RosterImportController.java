package ru.edu.decisions.service.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.edu.decisions.service.imports.RosterImports.RosterResult;
import ru.edu.decisions.service.security.CurrentActor;

@RestController
class RosterImportController {

    private final RosterImports roster;
    private final CurrentActor current;

    RosterImportController(RosterImports roster, CurrentActor current) {
        this.roster = roster;
        this.current = current;
    }

    @PostMapping(path = "/api/v1/teachers/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Tag(name = "ИМЦ: педагоги")
    @Operation(summary = "Загрузить штатный список школ (.xlsx: школа, ФИО, должность, дата рождения, педагогический стаж): "
            + "создать новых педагогов и обновить известных (те же ФИО и дата рождения); dryRun=true — только проверить")
    RosterResult importRoster(@RequestParam String jurisdiction, @RequestParam(defaultValue = "false") boolean dryRun,
                              @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        current.requireWrite(jurisdiction);
        if (file == null || file.isEmpty()) {
            throw RosterImports.noFile();
        }
        return roster.importRoster(jurisdiction, file.getBytes(), dryRun);
    }
}
