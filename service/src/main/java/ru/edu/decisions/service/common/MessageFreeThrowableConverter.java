package ru.edu.decisions.service.common;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code %safeEx} (see logback-spring.xml): a logged exception as its classes and stack frames, never its message —
 * for every logger, the service's own and the libraries' (Hikari, Spring JDBC, Flyway, Tomcat, Drools). A message
 * may quote SQL, a parameter value or the personal data of a request; the frames say where it failed.
 */
public class MessageFreeThrowableConverter extends ThrowableHandlingConverter {

    private static final int MAX_FRAMES = 30;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Set<IThrowableProxy> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (IThrowableProxy t = throwable; t != null && seen.add(t); t = t.getCause()) {
            out.append(prefix).append(t.getClassName()).append(" (message withheld)").append(CoreConstants.LINE_SEPARATOR);
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            int shown = Math.min(frames.length - Math.max(t.getCommonFrames(), 0), MAX_FRAMES);
            for (int i = 0; i < Math.max(shown, 0); i++) {
                out.append('\t').append(frames[i].getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
            }
            if (frames.length > shown) {
                out.append("\t... ").append(frames.length - Math.max(shown, 0)).append(" more").append(CoreConstants.LINE_SEPARATOR);
            }
            prefix = "Caused by: ";
        }
        return out.toString();
    }
}
