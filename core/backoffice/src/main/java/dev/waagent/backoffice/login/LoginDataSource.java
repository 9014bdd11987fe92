package dev.waagent.backoffice.login;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The physical connection source under the pool: every new connection logs in with {@link DatabaseLogin#current()}
 * (whatever user/password the pool passes is ignored). A login the database refuses (SQLState class 28,
 * "invalid authorization") is reported to the login and tried once more with fresh credentials: an expired token or
 * a rotated password costs one retry, not an error.
 */
public final class LoginDataSource implements DataSource {

    /** Opens a physical connection with the given credentials (the driver). */
    @FunctionalInterface
    public interface Connector {
        Connection connect(String username, String password) throws SQLException;
    }

    private final Connector connector;
    private final DatabaseLogin login;
    private PrintWriter logWriter;
    private int loginTimeout;

    public LoginDataSource(Connector connector, DatabaseLogin login) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.login = Objects.requireNonNull(login, "login");
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseUserLogin credentials = login.current();
        try {
            return connector.connect(credentials.username(), credentials.password());
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("28")) {
                throw e;
            }
            login.refused(credentials);
            DatabaseUserLogin fresh = login.current();
            return connector.connect(fresh.username(), fresh.password());
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
