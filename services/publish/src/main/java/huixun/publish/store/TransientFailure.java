package huixun.publish.store;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure worth retrying (the database is unreachable, restarting, out of connections, or aborted the
 * transaction for concurrency) from one that would fail again on the same input (a constraint, a bug). Causes are
 * followed because Hibernate Reactive wraps the client's exceptions.
 */
public final class TransientFailure {
    // SQLSTATE classes (the first two characters) and codes:
    // https://www.postgresql.org/docs/current/errcodes-appendix.html
    private static final Set<String> CLASSES = Set.of(
            "08", // connection exception
            "40", // transaction rollback: serialization failure, deadlock
            "53", // insufficient resources: disk full, out of memory, too many connections
            "58"); // system error: I/O error
    private static final Set<String> CODES = Set.of(
            "55P03", // lock not available
            "57P01", // admin shutdown
            "57P02", // crash shutdown
            "57P03"); // cannot connect now (starting up)

    private TransientFailure() {
    }

    public static boolean matches(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof TimeoutException || t instanceof IOException) {
                return true;
            }
            String sqlState = t instanceof DatabaseException db ? db.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null && sqlState.length() == 5
                    && (CLASSES.contains(sqlState.substring(0, 2)) || CODES.contains(sqlState))) {
                return true;
            }
        }
        return false;
    }
}
