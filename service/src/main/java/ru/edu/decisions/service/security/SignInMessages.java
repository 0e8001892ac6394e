package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A message for the sign-in page from the security filters (wrong password, throttled, session ended): carried to
 * the page as a flash attribute {@code signInMessage}, so the address stays clean and a reload does not repeat it.
 * A request made by htmx is told to load the page ({@code HX-Redirect}) instead of swapping it into a fragment.
 */
public final class SignInMessages {

    public static final String ATTRIBUTE = "signInMessage";
    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    private SignInMessages() {
    }

    public static void redirect(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        FlashMap flash = new FlashMap();
        flash.put(ATTRIBUTE, message);
        flash.setTargetRequestPath(request.getContextPath() + WorkspacePaths.SIGN_IN);
        FLASH.saveOutputFlashMap(flash, request, response);
        redirectTo(request, response, WorkspacePaths.SIGN_IN);
    }

    /** A redirect a full page follows, and htmx too ({@code HX-Redirect} makes it load the page, not a fragment). */
    static void redirectTo(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String target = request.getContextPath() + path;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.sendRedirect(target);
    }
}
