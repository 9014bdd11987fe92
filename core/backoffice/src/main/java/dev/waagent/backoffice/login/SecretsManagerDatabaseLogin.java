package dev.waagent.backoffice.login;

import dev.waagent.domain.TimeSource;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * User name and password from a Secrets Manager secret in the RDS format ({@code {"username": …, "password": …}}),
 * for an existing database. Read when the first connection opens, kept for {@link #CACHE_FOR}, and read again at once
 * after the database refused them (the secret was rotated). The password is never logged.
 */
public final class SecretsManagerDatabaseLogin implements DatabaseLogin {

    public static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String secretId;
    private final JsonMapper json;
    private final TimeSource time;
    private DatabaseUserLogin cached;
    private Instant readAt;

    public SecretsManagerDatabaseLogin(SecretsManagerClient client, String secretId, JsonMapper json, TimeSource time) {
        this.client = Objects.requireNonNull(client, "client");
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("secret id must not be blank");
        }
        this.secretId = secretId;
        this.json = Objects.requireNonNull(json, "json");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public synchronized DatabaseUserLogin current() {
        Instant now = time.now();
        if (cached == null || !now.isBefore(readAt.plus(CACHE_FOR)) || now.isBefore(readAt)) {
            cached = read();
            readAt = now;
        }
        return cached;
    }

    @Override
    public synchronized void refused(DatabaseUserLogin used) {
        if (used.equals(cached)) {
            cached = null;
        }
    }

    private DatabaseUserLogin read() {
        String value = client.getSecretValue(b -> b.secretId(secretId)).secretString();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("secret " + secretId + " has no string value");
        }
        Map<?, ?> fields;
        try {
            fields = json.readValue(value, Map.class);
        } catch (IOException e) {
            // The parser's message could quote the secret: say only where it came from.
            throw new UncheckedIOException(new IOException("secret " + secretId + " is not a JSON object"));
        }
        Object username = fields == null ? null : fields.get("username");
        Object password = fields == null ? null : fields.get("password");
        if (!(username instanceof String user) || user.isBlank() || !(password instanceof String pass)) {
            throw new IllegalStateException("secret " + secretId + " needs string fields username and password");
        }
        return new DatabaseUserLogin(user, pass);
    }
}
