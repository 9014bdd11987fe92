package dev.waagent.whatsapp;

import dev.waagent.whatsapp.MetaSignatureVerifier.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaSignatureVerifierTest {

    private final MetaSignatureVerifier verifier = new MetaSignatureVerifier();

    /** One published vector: body bytes, secret and the header Meta would send, all read from fixtures/meta/signature. */
    record Vector(String name, byte[] body, String secret, String header) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        String pywa = MetaFixtures.readString("signature/pywa/vector.txt");
        String node = MetaFixtures.readString("signature/whatsapp-nodejs-sdk/vector.txt");
        String apiJs = MetaFixtures.readString("signature/whatsapp-api-js/vector.txt");
        return Stream.of(
                new Vector("pywa", MetaFixtures.read("signature/pywa/body.json"), field(pywa, "app_secret:"),
                        field(pywa, "header: X-Hub-Signature-256:")),
                new Vector("whatsapp-nodejs-sdk", MetaFixtures.read("signature/whatsapp-nodejs-sdk/body.txt"), field(node, "app_secret:"),
                        "sha256=" + field(node, "expected hex digest:")),
                new Vector("whatsapp-api-js", MetaFixtures.read("signature/whatsapp-api-js/body_as_in_test_utf8.txt"),
                        field(apiJs, "app_secret:"), field(apiJs, "expected header: X-Hub-Signature-256:")));
    }

    @Test
    void theVectorFilesAreReadAsPublished() {
        assertThat(vectors()).extracting(Vector::secret)
                .containsExactly("1222e786b144d0e85b9f365372d93676", "TEST_APP_SECRET", "YOUR_APP_SECRET");
        assertThat(vectors()).extracting(Vector::header).containsExactly(
                "sha256=54edfa1d7259e0eb13c677cc7d73d1b5c86cfa12433d19156e058ab9251bc441",
                "sha256=0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221",
                "sha256=0363007aabdf1ab579f35936651a460fb5fa1aaf40df98b1264446b72cc96688");
        assertThat(vectors()).extracting(vector -> vector.body().length).containsExactly(511, 4, 136);
        assertThat(MetaFixtures.filesWithRole(MetaFixtures.Role.SIGNATURE_VECTOR)).hasSize(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyPublishedVectorVerifies(Vector vector) {
        assertThat(verifier.check(vector.body(), vector.header(), vector.secret())).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(vector.body(), vector.header(), vector.secret())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aFlippedByteFailsTheVector(Vector vector) {
        for (int position : List.of(0, vector.body().length / 2, vector.body().length - 1)) {
            byte[] tampered = vector.body().clone();
            tampered[position] ^= 0x01;
            assertThat(verifier.check(tampered, vector.header(), vector.secret())).as("flip at %d", position).isEqualTo(Outcome.MISMATCH);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theWrongSecretFailsTheVector(Vector vector) {
        assertThat(verifier.check(vector.body(), vector.header(), vector.secret() + "x")).isEqualTo(Outcome.MISMATCH);
        assertThat(verifier.check(vector.body(), vector.header(), "another-app-secret")).isEqualTo(Outcome.MISMATCH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void headerCaseAndSurroundingWhitespaceAreTolerated(Vector vector) {
        String hex = vector.header().substring("sha256=".length());
        assertThat(verifier.verify(vector.body(), "  " + vector.header() + " \t", vector.secret())).isTrue();
        assertThat(verifier.verify(vector.body(), "SHA256=" + hex.toUpperCase(Locale.ROOT), vector.secret())).isTrue();
        assertThat(verifier.verify(vector.body(), "sha256= " + hex, vector.secret())).isTrue();
    }

    @Test
    void aNonAsciiBodyAlsoMatchesWhenHashedAsMetaEscapesIt() {
        Vector apiJs = vectors().filter(v -> v.name().equals("whatsapp-api-js")).findFirst().orElseThrow();
        byte[] escaped = MetaFixtures.read("signature/whatsapp-api-js/body_unicode_escaped_signed_bytes.txt");

        // The escaped bytes are what Meta signed; the raw UTF-8 bytes verify through the escaped form.
        assertThat(MetaSignatureVerifier.sign(escaped, apiJs.secret())).isEqualTo(apiJs.header());
        assertThat(MetaSignatureVerifier.sign(apiJs.body(), apiJs.secret()))
                .isEqualTo("sha256=5ab50fefd5b7b7258964d9825904e7916acb73fe8030123871485627791ffbde");
        assertThat(verifier.verify(escaped, apiJs.header(), apiJs.secret())).isTrue();
        assertThat(verifier.verify(apiJs.body(), apiJs.header(), apiJs.secret())).isTrue();
        // and the signature of the raw bytes is accepted for the raw bytes too.
        assertThat(verifier.verify(apiJs.body(), MetaSignatureVerifier.sign(apiJs.body(), apiJs.secret()), apiJs.secret())).isTrue();
    }

    @Test
    void escapingUsesLowercaseHexAndUtf16CodeUnitsForEmoji() {
        String raw = "{\"emoji\":\"\uD83D\uDC4D\",\"name\":\"Lucía\"}";
        String escaped = "{\"emoji\":\"\\ud83d\\udc4d\",\"name\":\"Luc\\u00eda\"}";
        String header = MetaSignatureVerifier.sign(escaped.getBytes(StandardCharsets.US_ASCII), "secret");

        assertThat(verifier.verify(raw.getBytes(StandardCharsets.UTF_8), header, "secret")).isTrue();
    }

    @Test
    void signingRoundTrips() {
        byte[] body = MetaFixtures.read("docs-meta/text_message.json");
        String header = MetaSignatureVerifier.sign(body, "s3cret");

        assertThat(header).matches("sha256=[0-9a-f]{64}");
        assertThat(verifier.check(body, header, "s3cret")).isEqualTo(Outcome.VALID);
    }

    @Test
    void aMissingHeaderIsReportedAsMissing() {
        byte[] body = "test".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.check(body, null, "TEST_APP_SECRET")).isEqualTo(Outcome.MISSING);
        assertThat(verifier.check(body, "", "TEST_APP_SECRET")).isEqualTo(Outcome.MISSING);
        assertThat(verifier.check(body, "   ", "TEST_APP_SECRET")).isEqualTo(Outcome.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "sha256=",
            "sha1=0c61947b610d4f45e65f3d680e26027121ec2413",
            "0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221",
            "sha256=0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d988822",
            "sha256=0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d98882211",
            "sha256=zc61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221",
            "sha256=0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221, sha256=00",
            "sha256:0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221",
    })
    void aMalformedHeaderIsRejected(String header) {
        assertThat(verifier.check("test".getBytes(StandardCharsets.UTF_8), header, "TEST_APP_SECRET")).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify("test".getBytes(StandardCharsets.UTF_8), header, "TEST_APP_SECRET")).isFalse();
    }

    @Test
    void aMissingAppSecretIsAConfigurationErrorNotARejection() {
        assertThatThrownBy(() -> verifier.check(new byte[0], "sha256=00", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> verifier.check(new byte[0], "sha256=00", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodiesThatAreNotUtf8AreCheckedOnlyAsRawBytes() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        String header = MetaSignatureVerifier.sign(latin1, "secret");
        assertThat(verifier.verify(latin1, header, "secret")).isTrue();
        assertThat(verifier.verify(latin1, MetaSignatureVerifier.sign("caf\\u00e9".getBytes(StandardCharsets.US_ASCII), "secret"), "secret"))
                .isFalse();
    }

    private static String field(String vectorFile, String label) {
        return vectorFile.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(label))
                .map(line -> line.substring(label.length()).strip())
                .map(value -> value.contains(" ") ? value.substring(0, value.indexOf(' ')) : value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no '" + label + "' line"));
    }
}
