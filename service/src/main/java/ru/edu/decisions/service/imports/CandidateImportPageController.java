package ru.edu.decisions.service.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.imports.CandidateImports.ReadForm;
import ru.edu.decisions.service.imports.ImportPreviews.Preview;
import ru.edu.decisions.service.imports.ImportViews.ImportResult;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The workspace's import of a filled candidate form: upload → preview of the rows as read (a dry run: each field
 * structured next to its cell's text, problems on their cells, the verdict each row would get) → corrections and
 * dropped rows → the import, only when the methodist confirms. Same service as the API.
 */
@Controller
class CandidateImportPageController {

    private final CandidateImports imports;
    private final ImportPreviews previews;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;

    CandidateImportPageController(CandidateImports imports, ImportPreviews previews, CurrentJurisdiction jurisdiction,
                                  CurrentActor current) {
        this.imports = imports;
        this.previews = previews;
        this.jurisdiction = jurisdiction;
        this.current = current;
    }

    @GetMapping("/candidates/imports")
    String upload(Model model) {
        model.addAttribute("jurisdictionCode", jurisdiction.code());
        return "candidates/imports/upload";
    }

    @PostMapping("/candidates/imports")
    String check(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                 HttpServletResponse response) throws IOException {
        String code = jurisdiction.code();
        current.requireWrite(code);
        model.addAttribute("jurisdictionCode", code);
        if (file == null || file.isEmpty()) {
            return uploadError(model, response, "Выберите файл с заполненной формой (.xlsx или .docx)");
        }
        try {
            ReadForm form = imports.read(code, file.getBytes());
            ImportResult check = imports.decideAndStore(code, form, true, current.name(), Set.of());
            Preview preview = previews.add(owner(), code, name(file), form, check);
            return "redirect:/candidates/imports/" + preview.id();
        } catch (ApiException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            return uploadError(model, response, e.getMessage());
        }
    }

    private static String uploadError(Model model, HttpServletResponse response, String message) {
        response.setStatus(400);
        model.addAttribute("fileError", message);
        return "candidates/imports/upload";
    }

    @GetMapping("/candidates/imports/{id}")
    String preview(@PathVariable UUID id, Model model) {
        Preview preview = previews.get(id, owner());
        current.requireWrite(preview.jurisdiction());
        model.addAttribute("preview", preview);
        model.addAttribute("view", ImportPreviewView.of(preview.form(), preview.dropped(),
                preview.imported() != null ? preview.imported() : preview.check()));
        return "candidates/imports/preview";
    }

    @PostMapping("/candidates/imports/{id}/rows/{row}")
    String correct(@PathVariable UUID id, @PathVariable int row, HttpServletRequest request, RedirectAttributes redirect) {
        Preview preview = previews.get(id, owner());
        current.requireWrite(preview.jurisdiction());
        Map<Integer, String> corrected = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("cell-\\d{1,3}") && values.length == 1) {
                corrected.put(Integer.parseInt(name.substring(5)), values[0].replace("\r\n", "\n"));
            }
        });
        ReadForm form = imports.reread(preview.jurisdiction(), preview.form(), row, corrected);
        recheck(preview, form, preview.dropped());
        redirect.addFlashAttribute("notice", "Строка " + row + " прочитана заново с исправлениями");
        return "redirect:/candidates/imports/" + id + "#row-" + row;
    }

    @PostMapping("/candidates/imports/{id}/rows/{row}/drop")
    String drop(@PathVariable UUID id, @PathVariable int row, @RequestParam(defaultValue = "true") boolean dropped,
                RedirectAttributes redirect) {
        Preview preview = previews.get(id, owner());
        current.requireWrite(preview.jurisdiction());
        Set<Integer> now = new HashSet<>(preview.dropped());
        if (dropped) {
            now.add(row);
        } else {
            now.remove(row);
        }
        recheck(preview, preview.form(), now);
        redirect.addFlashAttribute("notice", dropped ? "Строка " + row + " не будет загружена" : "Строка " + row + " возвращена");
        return "redirect:/candidates/imports/" + id + "#row-" + row;
    }

    @PostMapping("/candidates/imports/{id}/confirmation")
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        Preview preview = previews.get(id, owner());
        current.requireWrite(preview.jurisdiction());
        if (preview.imported() != null) {
            throw ApiException.conflict("Этот файл уже загружен");
        }
        ImportResult result = imports.decideAndStore(preview.jurisdiction(), preview.form(), false, current.name(),
                preview.dropped());
        previews.put(preview.importedAs(result));
        long stored = result.rows().stream().filter(r -> r.status() == ImportViews.RowStatus.IMPORTED).count();
        redirect.addFlashAttribute("notice", "Загружено кандидатов: " + stored + " из " + result.rows().size());
        return "redirect:/candidates/imports/" + id;
    }

    private void recheck(Preview preview, ReadForm form, Set<Integer> dropped) {
        if (preview.imported() != null) {
            throw ApiException.conflict("Файл уже загружен: исправления больше не принимаются");
        }
        ImportResult check = imports.decideAndStore(preview.jurisdiction(), form, true, current.name(), Set.of());
        previews.put(preview.with(form, dropped, check));
    }

    private String owner() {
        String name = current.name();
        return name == null ? "" : name;
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "файл" : name.replaceAll("[\\r\\n]", " ");
    }
}
