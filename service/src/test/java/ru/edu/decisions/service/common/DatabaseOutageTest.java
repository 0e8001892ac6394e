package ru.edu.decisions.service.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (answered 503 with Retry-After), and which do not. */
class DatabaseOutageTest {

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool timeout")))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no transaction",
                new SQLTransientConnectionException("pool timeout")))).isTrue();
    }

    @Test
    void aConnectionLostOnTheWayIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException("wrapped",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCause(new DataAccessResourceFailureException("lost"))).isTrue();
        TransactionSystemException rollbackFailed = new TransactionSystemException("rollback failed",
                new SQLException("closed"));
        rollbackFailed.initApplicationException(new IllegalStateException("the statement's failure"));
        assertThat(DatabaseOutage.isCause(rollbackFailed)).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the server is shutting down", "57P01"))).isTrue();
    }

    @Test
    void aFailureOfTheDataOrTheCodeIsNot() {
        assertThat(DatabaseOutage.isCause(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }

    @Test
    void theProblemIsA503InRussian() {
        assertThat(DatabaseOutage.problem().getStatus()).isEqualTo(503);
        assertThat(DatabaseOutage.problem().getTitle()).isEqualTo("Сервис временно недоступен");
        assertThat(DatabaseOutage.problem().getDetail()).contains("База данных сервиса временно недоступна");
    }
}
