package dev.waagent.backoffice.login;

import dev.waagent.domain.TimeSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The password is an RDS IAM auth token signed with the function's role: no password exists anywhere. A token is
 * reused until {@link #RENEW_AFTER} (well inside its 15 minutes, so a connection opened with it never races its
 * expiry), then signed again; a refused login signs a fresh one at once. Signing is local (no network call).
 */
public final class RdsIamDatabaseLogin implements DatabaseLogin {

    /** A token older than this is replaced before it is used for a new connection. */
    public static final Duration RENEW_AFTER = Duration.ofMinutes(10);

    private final RdsIamAuthTokenGenerator generator;
    private final AwsCredentialsProvider credentials;
    private final TimeSource time;
    private Issued issued;

    public RdsIamDatabaseLogin(RdsIamAuthTokenGenerator generator,
                               AwsCredentialsProvider credentials, TimeSource time) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public synchronized DatabaseUserLogin current() {
        Instant now = time.now();
        if (issued == null || !now.isBefore(issued.at().plus(RENEW_AFTER)) || now.isBefore(issued.at())) {
            // The role's credentials are cached and refreshed by the provider itself.
            issued = new Issued(new DatabaseUserLogin(generator.username(),
                    generator.token(credentials.resolveCredentials(), now)), now);
        }
        return issued.credentials();
    }

    @Override
    public synchronized void refused(DatabaseUserLogin used) {
        if (issued != null && issued.credentials().equals(used)) {
            issued = null;
        }
    }

    private record Issued(DatabaseUserLogin credentials, Instant at) {
    }
}
