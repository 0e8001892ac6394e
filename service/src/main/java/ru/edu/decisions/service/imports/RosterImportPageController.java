package ru.edu.decisions.service.imports;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.imports.RosterImports.RosterResult;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The staff roster upload in the workspace: the file is checked first (nothing stored; every row with what would
 * happen to it and the errors by row and column), kept in the session, and loaded when the methodist confirms.
 */
@Controller
class RosterImportPageController {

    static final String PENDING = "roster.pending";

    /** A checked file waiting for confirmation: its jurisdiction and bytes. */
    record Pending(String jurisdiction, byte[] bytes) implements java.io.Serializable {
    }

    private final RosterImports roster;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;

    RosterImportPageController(RosterImports roster, CurrentJurisdiction jurisdiction, CurrentActor current) {
        this.roster = roster;
        this.jurisdiction = jurisdiction;
        this.current = current;
    }

    @GetMapping("/teachers/roster")
    String upload() {
        return "teachers/roster";
    }

    @PostMapping("/teachers/roster")
    String check(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model,
                 HttpServletResponse response) throws IOException {
        String code = jurisdiction.code();
        current.requireWrite(code);
        if (file == null || file.isEmpty()) {
            return error(model, response, "Выберите файл штатного списка (.xlsx)");
        }
        byte[] bytes = file.getBytes();
        try {
            RosterResult result = roster.importRoster(code, bytes, true);
            session.setAttribute(PENDING, new Pending(code, bytes));
            model.addAttribute("result", result);
            return "teachers/roster";
        } catch (ApiException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            return error(model, response, e.getMessage());
        }
    }

    @PostMapping("/teachers/roster/confirmation")
    String confirm(HttpSession session, Model model, HttpServletResponse response) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Object pending = session.getAttribute(PENDING);
        if (!(pending instanceof Pending p) || !p.jurisdiction().equals(code)) {
            return error(model, response, "Нет проверенного файла для загрузки: выберите файл и проверьте его снова");
        }
        session.removeAttribute(PENDING);
        RosterResult result = roster.importRoster(code, p.bytes(), false);
        model.addAttribute("result", result);
        model.addAttribute("notice", "Штатный список загружен: создано " + result.created() + ", обновлено " + result.updated()
                + (result.rejected() > 0 ? ", не загружено строк с ошибками: " + result.rejected() : ""));
        return "teachers/roster";
    }

    private static String error(Model model, HttpServletResponse response, String message) {
        response.setStatus(400);
        model.addAttribute("fileError", message);
        return "teachers/roster";
    }
}
