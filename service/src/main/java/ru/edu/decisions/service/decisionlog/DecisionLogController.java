package ru.edu.decisions.service.decisionlog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.security.CurrentActor;

@RestController
@Tag(name = "Журнал решений")
class DecisionLogController {

    private final DecisionLog log;
    private final CurrentActor current;

    DecisionLogController(DecisionLog log, CurrentActor current) {
        this.log = log;
        this.current = current;
    }

    @GetMapping("/api/v1/decisions/{id}")
    @Operation(summary = "Решение из журнала: версия правил, дата, вердикт, основания, причины, хеш входных данных")
    DecisionRecord decision(@PathVariable UUID id) {
        String notFound = "Решение " + id + " не найдено в журнале";
        DecisionRecord record = log.find(id).orElseThrow(() -> ApiException.notFound(notFound));
        current.requireRecord(record.jurisdiction(), notFound);
        return record;
    }
}
