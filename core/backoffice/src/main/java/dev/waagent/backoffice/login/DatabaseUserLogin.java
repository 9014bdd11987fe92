package dev.waagent.backoffice.login;

import java.util.Objects;

/** A user name and password (or IAM auth token). {@link #toString()} never shows the password. */
public record DatabaseUserLogin(String username, String password) {

    public DatabaseUserLogin {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("database username must not be blank");
        }
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DatabaseUserLogin[username=" + username + ", password=***]";
    }
}
