package ru.edu.decisions.service.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.edu.decisions.service.common.ApiException;

/**
 * The page of a long action: its progress, refreshed by htmx every second (a plain reload works too), and the
 * result page once it is done.
 */
@Controller
class TaskPageController {

    private final BackgroundTasks tasks;

    TaskPageController(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable UUID id, Model model) {
        model.addAttribute("task", find(id));
        return "workspace/task";
    }

    /** The progress fragment htmx polls; when the task is done, htmx is sent to its result. */
    @GetMapping(value = "/tasks/{id}", headers = "HX-Request")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        BackgroundTasks.Task task = find(id);
        if (task.state() == BackgroundTasks.State.DONE && task.resultUrl() != null) {
            response.setHeader("HX-Redirect", task.resultUrl());
        }
        model.addAttribute("task", task);
        return "workspace/task :: progress";
    }

    private BackgroundTasks.Task find(UUID id) {
        return tasks.find(id).orElseThrow(() -> ApiException.notFound("Действие не найдено: оно запущено другим "
                + "пользователем или завершилось больше суток назад"));
    }
}
