package dev.waagent.backoffice.login;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdsIamAuthTokenGeneratorTest {

    private static final String HOST = "wa-agent-dev-backoffice.proxy-abc123.ap-south-1.rds.amazonaws.com";
    private static final Instant SIGNED_AT = Instant.parse("2026-12-05T21:15:30Z");
    private static final AwsBasicCredentials CREDENTIALS =
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private final RdsIamAuthTokenGenerator generator = new RdsIamAuthTokenGenerator(HOST, 5432, "waagent", "ap-south-1");

    @Test
    void tokenIsTheHostAndPortWithAConnectActionPresignedForRdsDbValidFifteenMinutes() {
        String token = generator.token(CREDENTIALS, SIGNED_AT);

        assertThat(token).startsWith(HOST + ":5432/?").doesNotStartWith("https://");
        Map<String, String> query = query(token);
        assertThat(query).containsEntry("Action", "connect")
                .containsEntry("DBUser", "waagent")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE%2F20261205%2Fap-south-1%2Frds-db%2Faws4_request")
                .containsEntry("X-Amz-Date", "20261205T211530Z")
                .containsEntry("X-Amz-Expires", "900")
                .containsEntry("X-Amz-SignedHeaders", "host")
                .doesNotContainKey("X-Amz-Security-Token");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
    }

    @Test
    void signatureIsSigV4OverTheCanonicalConnectRequest() throws Exception {
        String token = generator.token(CREDENTIALS, SIGNED_AT);
        Map<String, String> query = query(token);

        // Computed here from the SigV4 specification, independently of the SDK's signer.
        TreeMap<String, String> canonical = new TreeMap<>(query);
        canonical.remove("X-Amz-Signature");
        StringBuilder canonicalQuery = new StringBuilder();
        canonical.forEach((k, v) -> canonicalQuery.append(canonicalQuery.isEmpty() ? "" : "&").append(k).append('=')
                .append(v));
        String emptyPayload = hex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
        String canonicalRequest = "GET\n/\n" + canonicalQuery + "\nhost:" + HOST + ":5432\n\nhost\n" + emptyPayload;
        String scope = "20261205/ap-south-1/rds-db/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n20261205T211530Z\n" + scope + "\n"
                + hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + CREDENTIALS.secretAccessKey()).getBytes(StandardCharsets.UTF_8), "20261205");
        key = hmac(key, "ap-south-1");
        key = hmac(key, "rds-db");
        key = hmac(key, "aws4_request");

        assertThat(query.get("X-Amz-Signature")).isEqualTo(hex(hmac(key, stringToSign)));
    }

    @Test
    void sameInputsGiveTheSameTokenAndAnotherMinuteAnotherOne() {
        assertThat(generator.token(CREDENTIALS, SIGNED_AT)).isEqualTo(generator.token(CREDENTIALS, SIGNED_AT));
        assertThat(generator.token(CREDENTIALS, SIGNED_AT.plusSeconds(60)))
                .isNotEqualTo(generator.token(CREDENTIALS, SIGNED_AT));
    }

    @Test
    void sessionCredentialsOfALambdaRoleAddTheSecurityToken() {
        var session = software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create("ASIAEXAMPLE",
                "secret", "token/with+chars=");
        assertThat(query(generator.token(session, SIGNED_AT)))
                .containsEntry("X-Amz-Security-Token", "token%2Fwith%2Bchars%3D");
    }

    @Test
    void refusesAnIncompleteEndpoint() {
        assertThatThrownBy(() -> new RdsIamAuthTokenGenerator(" ", 5432, "u", "r")).hasMessageContaining("host");
        assertThatThrownBy(() -> new RdsIamAuthTokenGenerator("h", 0, "u", "r")).hasMessageContaining("port");
        assertThatThrownBy(() -> new RdsIamAuthTokenGenerator("h", 5432, "", "r")).hasMessageContaining("username");
        assertThatThrownBy(() -> new RdsIamAuthTokenGenerator("h", 5432, "u", null)).hasMessageContaining("region");
    }

    @Test
    void hostAndPortComeFromTheJdbcUrl() {
        assertThat(JdbcEndpoint.parse("jdbc:postgresql://" + HOST + ":6543/waagent?sslmode=require"))
                .isEqualTo(new JdbcEndpoint(HOST, 6543));
        assertThat(JdbcEndpoint.parse("jdbc:postgresql://db.example.com/waagent"))
                .isEqualTo(new JdbcEndpoint("db.example.com", 5432));
        assertThatThrownBy(() -> JdbcEndpoint.parse("jdbc:h2:mem:x")).hasMessageContaining("jdbc:postgresql://");
    }

    /** Query parameters as they appear (still URL-encoded). */
    static Map<String, String> query(String token) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : token.substring(token.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
