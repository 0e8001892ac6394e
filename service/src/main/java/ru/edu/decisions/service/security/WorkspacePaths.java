package ru.edu.decisions.service.security;

/**
 * The URLs of the browser workspace that the security policy names. Every page URL is declared with the roles that
 * may open it in {@link SecurityConfiguration}; these are the ones the sign-in flow itself points to.
 */
public final class WorkspacePaths {

    /** The sign-in page ({@code GET}) and the form it posts to ({@code POST}). */
    public static final String SIGN_IN = "/login";
    /** Sign-out ({@code POST}, with the form's CSRF token). */
    public static final String SIGN_OUT = "/logout";
    /** The start page of a signed-in person. */
    public static final String START = "/start";
    /** The person's own password. */
    public static final String PASSWORD = "/account/password";

    private WorkspacePaths() {
    }
}
