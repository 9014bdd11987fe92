package dev.waagent.backoffice.login;

import dev.waagent.domain.TimeSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RdsIamDatabaseLoginTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T21:00:00Z"));
    private final AtomicInteger credentialLookups = new AtomicInteger();
    private final RdsIamDatabaseLogin login = new RdsIamDatabaseLogin(
            new RdsIamAuthTokenGenerator("proxy.example.com", 5432, "waagent", "eu-west-1"),
            () -> {
                credentialLookups.incrementAndGet();
                return AwsBasicCredentials.create("AKID", "secret");
            },
            new TimeSource() {
                @Override
                public Instant now() {
                    return now.get();
                }

                @Override
                public void sleep(Duration duration) {
                    now.updateAndGet(t -> t.plus(duration));
                }
            });

    @Test
    void theTokenIsTheDatabaseUsersPasswordAndIsReusedWhileFresh() {
        DatabaseUserLogin first = login.current();
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(9)));

        assertThat(first.username()).isEqualTo("waagent");
        assertThat(first.password()).startsWith("proxy.example.com:5432/?").contains("X-Amz-Date=20261205T210000Z");
        assertThat(login.current()).isSameAs(first);
        assertThat(credentialLookups).hasValue(1);
        assertThat(first.toString()).doesNotContain("X-Amz");
    }

    @Test
    void aTokenIsRenewedTenMinutesAfterSigningWellBeforeItsFifteenMinuteExpiry() {
        DatabaseUserLogin first = login.current();
        now.updateAndGet(t -> t.plus(RdsIamDatabaseLogin.RENEW_AFTER));

        DatabaseUserLogin renewed = login.current();

        assertThat(renewed.password()).isNotEqualTo(first.password()).contains("X-Amz-Date=20261205T211000Z");
        assertThat(RdsIamDatabaseLogin.RENEW_AFTER).isLessThan(RdsIamAuthTokenGenerator.VALIDITY);
    }

    @Test
    void aRefusedTokenIsSignedAgainAtOnce() {
        DatabaseUserLogin first = login.current();
        now.updateAndGet(t -> t.plusSeconds(1));

        login.refused(first);

        assertThat(login.current().password()).isNotEqualTo(first.password());
        assertThat(credentialLookups).hasValue(2);
    }
}
