package huixun.publish.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailureTest {
    @Test
    void anUnreachableDatabaseIsTransientHoweverWrapped() {
        assertTrue(TransientFailure.matches(new CompletionException(
                new IllegalStateException("session", new ConnectException("Connection refused")))));
        assertTrue(TransientFailure.matches(ClosedConnectionException.INSTANCE));
    }

    @Test
    void connectionAndConcurrencyStatesAreTransient() {
        assertTrue(TransientFailure.matches(pg("08006"))); // connection failure
        assertTrue(TransientFailure.matches(pg("40001"))); // serialization failure
        assertTrue(TransientFailure.matches(pg("40P01"))); // deadlock
        assertTrue(TransientFailure.matches(pg("57P01"))); // admin shutdown
        assertTrue(TransientFailure.matches(pg("53300"))); // too many connections
    }

    @Test
    void whatTheDataCausesIsNot() {
        assertFalse(TransientFailure.matches(pg("23505"))); // unique violation
        assertFalse(TransientFailure.matches(pg("23514"))); // check violation
        assertFalse(TransientFailure.matches(pg("42703"))); // undefined column: a bug
        assertFalse(TransientFailure.matches(new IllegalArgumentException("not an article id")));
        assertFalse(TransientFailure.matches(new NullPointerException()));
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "ERROR", sqlState, null);
    }
}
