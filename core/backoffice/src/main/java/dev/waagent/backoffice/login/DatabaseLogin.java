package dev.waagent.backoffice.login;

/**
 * Where the back-office datasource gets the user name and password of each new physical connection, when they are
 * not fixed in configuration: an RDS IAM auth token ({@link RdsIamDatabaseLogin}) or a Secrets Manager secret
 * ({@link SecretsManagerDatabaseLogin}). Asked only when the pool opens a connection, never per query.
 */
public interface DatabaseLogin {

    /** The credentials to open a connection with now. */
    DatabaseUserLogin current();

    /** The database refused {@code used}: the next {@link #current()} must not return them again from a cache. */
    default void refused(DatabaseUserLogin used) {
    }
}
