package ru.edu.decisions.service.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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
import ru.edu.decisions.service.registry.RegistryViews.Exclusion;
import ru.edu.decisions.service.registry.RegistryViews.Inclusion;
import ru.edu.decisions.service.registry.RegistryViews.Member;
import ru.edu.decisions.service.registry.RegistryViews.Status;

@RestController
@Tag(name = "ИМЦ: муниципальный реестр методического актива")
class RegistryController {

    private final RegistryService registry;
    private final CurrentActor current;

    RegistryController(RegistryService registry, CurrentActor current) {
        this.registry = registry;
        this.current = current;
    }

    @PostMapping("/api/v1/registry/{jurisdiction}/members")
    @Operation(summary = "Включить в реестр кандидата, последнее решение по которому — ELIGIBLE (иначе 409 с причинами)")
    ResponseEntity<Member> include(@PathVariable String jurisdiction, @Valid @RequestBody Inclusion inclusion) {
        current.requireWrite(jurisdiction);
        Member member = registry.include(jurisdiction, inclusion.candidateId(), current.name());
        return ResponseEntity.created(URI.create("/api/v1/registry/" + jurisdiction + "/members/" + member.id())).body(member);
    }

    @GetMapping("/api/v1/registry/{jurisdiction}/members")
    @Operation(summary = "Члены методического актива территории (по умолчанию — действующие)")
    PageView<Member> list(@PathVariable String jurisdiction,
                          @RequestParam(defaultValue = "ACTIVE") Status status,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        current.requireRead(jurisdiction);
        return registry.list(jurisdiction, status, page, size);
    }

    @GetMapping("/api/v1/registry/{jurisdiction}/members/{memberId}")
    @Operation(summary = "Запись реестра")
    Member get(@PathVariable String jurisdiction, @PathVariable UUID memberId) {
        current.requireRead(jurisdiction);
        return registry.get(jurisdiction, memberId);
    }

    @PostMapping("/api/v1/registry/{jurisdiction}/members/{memberId}/exclusion")
    @Operation(summary = "Исключить из реестра с указанием причины (запись сохраняется в истории)")
    Member exclude(@PathVariable String jurisdiction, @PathVariable UUID memberId, @Valid @RequestBody Exclusion exclusion) {
        current.requireWrite(jurisdiction);
        return registry.exclude(jurisdiction, memberId, exclusion.reason(), current.name());
    }
}
