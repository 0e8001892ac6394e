package ru.edu.decisions.service.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import ru.edu.decisions.service.security.Actor;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.security.Role;

/**
 * What every page's frame shows, added to the model of every rendered page (never to API answers): who is signed
 * in, with which roles, the jurisdictions they may switch between and the one they work in, and the path of the
 * page (for the switcher to come back to and for the menu to mark).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceModel implements WebMvcConfigurer {

    /** The frame of a page: the person, their roles and jurisdictions. */
    record Frame(String name, boolean imc, boolean editor, boolean approver, boolean admin,
                 List<CurrentJurisdiction.Choice> jurisdictions, @Nullable String jurisdiction,
                 @Nullable String jurisdictionName, String path) {

        public boolean switcher() {
            return jurisdictions.size() > 1;
        }
    }

    private final ObjectProvider<CurrentActor> actors;
    private final ObjectProvider<CurrentJurisdiction> jurisdictions;

    /** Looked up when a page is rendered (a web slice test without the workspace has neither bean). */
    WorkspaceModel(ObjectProvider<CurrentActor> actors, ObjectProvider<CurrentJurisdiction> jurisdictions) {
        this.actors = actors;
        this.jurisdictions = jurisdictions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   @Nullable ModelAndView page) {
                if (page == null || page.getView() instanceof RedirectView
                        || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
                    return;
                }
                Frame frame = frame(request);
                if (frame != null) {
                    page.addObject("frame", frame);
                }
            }
        }).excludePathPatterns("/api/**", "/v3/**", "/swagger-ui/**", "/actuator/**");
    }

    @Nullable Frame frame(HttpServletRequest request) {
        CurrentActor current = actors.getIfAvailable();
        CurrentJurisdiction jurisdiction = jurisdictions.getIfAvailable();
        if (current == null || jurisdiction == null) {
            return null;
        }
        Actor actor = current.actorOrNull();
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            return null;
        }
        List<CurrentJurisdiction.Choice> choices = jurisdiction.choices();
        String code = jurisdiction.codeOrNull();
        String name = choices.stream().filter(c -> c.code().equals(code)).map(CurrentJurisdiction.Choice::name)
                .findFirst().orElse(null);
        String query = request.getQueryString();
        return new Frame(actor.name(), actor.has(Role.IMC_STAFF), actor.has(Role.POLICY_EDITOR),
                actor.has(Role.POLICY_APPROVER), actor.has(Role.ADMIN), choices, code, name,
                request.getServletPath() + (query == null ? "" : "?" + query));
    }
}
