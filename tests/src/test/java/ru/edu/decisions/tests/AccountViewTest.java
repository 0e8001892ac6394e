package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;

/**
 * The requests of signed-in sessions check the account from an in-memory view (no database read per request), yet a
 * change made by another instance — here, straight in the database, as another instance's commit would look — takes
 * effect within the refresh interval (decisions.security.account-refresh, 5 s), and one made through this instance's
 * admin API at once.
 */
class AccountViewTest extends EndToEndTest {

    private static final String CANDIDATES = "/api/v1/candidates?jurisdiction=ust-ishim";
    /** Bounded wait for a change made elsewhere: far above the refresh interval, so a slow machine does not fail it. */
    private static final long WAIT_NANOS = 30_000_000_000L;

    private Api methodist(String username) {
        return user(username, List.of("IMC_STAFF"), List.of("ust-ishim"));
    }

    /** Repeats the request until it is answered with something else than 200 or the bounded wait ends. */
    private static int statusOnceChanged(Api session, String path) throws InterruptedException {
        long since = System.nanoTime();
        int status = session.get(path).status();
        while (status == 200 && System.nanoTime() - since < WAIT_NANOS) {
            Thread.sleep(200);
            status = session.get(path).status();
        }
        return status;
    }

    @Test
    void anAccountDisabledOnAnotherInstanceEndsItsSessionsWithinTheRefreshInterval() throws Exception {
        String username = "view-disabled-" + UUID.randomUUID().toString().substring(0, 8);
        Api session = methodist(username);
        for (int i = 0; i < 10; i++) {
            assertThat(session.get(CANDIDATES).status()).isEqualTo(200);
        }

        sql("UPDATE app_user SET enabled = false, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE username = ?", username);

        assertThat(statusOnceChanged(session, CANDIDATES)).isEqualTo(401);
    }

    @Test
    void aRoleTakenAwayOnAnotherInstanceAppliesWithinTheRefreshInterval() throws Exception {
        String username = "view-role-" + UUID.randomUUID().toString().substring(0, 8);
        Api session = user(username, List.of("IMC_STAFF", "POLICY_EDITOR"), List.of("ust-ishim"));
        assertThat(session.get(CANDIDATES).status()).isEqualTo(200);

        sql("UPDATE app_user SET roles = 'POLICY_EDITOR', version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE username = ?", username);

        assertThat(statusOnceChanged(session, CANDIDATES)).isEqualTo(403);
    }

    @Test
    void aPasswordSetOnAnotherInstanceEndsTheSessionWithinTheRefreshInterval() throws Exception {
        String username = "view-password-" + UUID.randomUUID().toString().substring(0, 8);
        Api session = methodist(username);
        assertThat(session.get(CANDIDATES).status()).isEqualTo(200);

        // Another instance stored a new BCrypt hash (of another password).
        sql("UPDATE app_user SET password_hash = '{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3Te9yH7mDdNc3/4cNbSYC5O', "
                + "version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE username = ?", username);

        assertThat(statusOnceChanged(session, CANDIDATES)).isEqualTo(401);
    }

    @Test
    void anAccountDisabledThroughThisInstanceIsRefusedAtOnce() {
        String username = "view-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Api session = methodist(username);
        assertThat(session.get(CANDIDATES).status()).isEqualTo(200);

        Api.Response disabled = admin.call("PUT", "/api/v1/admin/users/" + userId(username),
                Map.of("roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim"), "enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        assertThat(session.get(CANDIDATES).status()).isEqualTo(401);
    }
}
