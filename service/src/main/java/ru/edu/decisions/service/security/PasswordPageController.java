package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.service.common.ApiException;

/** The person's own password: changed here, and required here after a sign-in with a one-time password. */
@Controller
class PasswordPageController {

    private final OwnPassword password;

    PasswordPageController(OwnPassword password) {
        this.password = password;
    }

    @GetMapping(WorkspacePaths.PASSWORD)
    String form(Model model) {
        model.addAttribute("required", password.required());
        model.addAttribute("hasPassword", password.hasPassword());
        return "security/password";
    }

    @PostMapping(WorkspacePaths.PASSWORD)
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String repeatPassword, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("required", password.required());
        model.addAttribute("hasPassword", password.hasPassword());
        if (!newPassword.equals(repeatPassword)) {
            model.addAttribute("errors", java.util.Map.of("repeatPassword", "Пароли не совпадают"));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "security/password";
        }
        try {
            password.change(currentPassword, newPassword, request, response);
        } catch (ApiException e) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.errors().forEach(error -> errors.put(error.field(), error.message()));
            if (errors.isEmpty()) {
                errors.put("newPassword", e.getMessage());
            }
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "security/password";
        }
        redirect.addFlashAttribute("notice", "Пароль изменён");
        return "redirect:" + WorkspacePaths.START;
    }
}
