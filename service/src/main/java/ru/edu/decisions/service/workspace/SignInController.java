package ru.edu.decisions.service.workspace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.security.WorkspacePaths;

/**
 * The sign-in page, at {@code /} and {@code /login}: user name and password, and the button of the organisation's
 * OpenID Connect provider when one is configured. Someone already signed in goes to their start page.
 */
@Controller
class SignInController {

    private final CurrentActor current;
    private final ObjectProvider<ClientRegistrationRepository> oidc;

    SignInController(CurrentActor current, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.current = current;
        this.oidc = oidc;
    }

    @GetMapping({"/", WorkspacePaths.SIGN_IN})
    String signIn(Model model) {
        if (current.actorOrNull() != null) {
            return "redirect:" + WorkspacePaths.START;
        }
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        return "workspace/sign-in";
    }
}
