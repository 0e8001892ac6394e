package ru.edu.decisions.service.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.imports.CandidateImports.ReadForm;
import ru.edu.decisions.service.imports.ImportViews.ImportResult;

/**
 * Uploaded forms a methodist is checking in the preview: held in this instance's memory only (nothing is stored in
 * the database until she confirms the import), for their owner, for {@link #TTL}; at most {@link #MAX} at once.
 */
@Component
public class ImportPreviews {

    static final Duration TTL = Duration.ofHours(2);
    static final int MAX = 200;

    /** One preview: the rows as read (with the methodist's corrections), dropped rows, the check and the import. */
    public record Preview(UUID id, String owner, String jurisdiction, String filename, ReadForm form, Set<Integer> dropped,
                   ImportResult check, @Nullable ImportResult imported, Instant createdAt) {

        Preview with(ReadForm changed, Set<Integer> nowDropped, ImportResult newCheck) {
            return new Preview(id, owner, jurisdiction, filename, changed, Set.copyOf(nowDropped), newCheck, imported, createdAt);
        }

        Preview importedAs(ImportResult result) {
            return new Preview(id, owner, jurisdiction, filename, form, dropped, check, result, createdAt);
        }
    }

    private final Map<UUID, Preview> previews = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportPreviews(Clock clock) {
        this.clock = clock;
    }

    Preview add(String owner, String jurisdiction, String filename, ReadForm form, ImportResult check) {
        Instant now = clock.instant();
        previews.values().removeIf(p -> p.createdAt().plus(TTL).isBefore(now));
        if (previews.size() >= MAX) {
            previews.values().stream().min(java.util.Comparator.comparing(Preview::createdAt))
                    .ifPresent(oldest -> previews.remove(oldest.id()));
        }
        Preview preview = new Preview(Ids.newId(), owner, jurisdiction, filename, form, Set.of(), check, null, now);
        previews.put(preview.id(), preview);
        return preview;
    }

    Preview get(UUID id, String owner) {
        Preview preview = previews.get(id);
        if (preview == null || !preview.owner().equals(owner) || preview.createdAt().plus(TTL).isBefore(clock.instant())) {
            throw ApiException.notFound("Проверка файла не найдена или устарела: загрузите файл снова");
        }
        return preview;
    }

    void put(Preview preview) {
        previews.put(preview.id(), preview);
    }
}
