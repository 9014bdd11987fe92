package dev.waagent.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waagent.twilio.TwilioSignatureVerifier.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every vector of {@code fixtures/twilio/signature/vectors.json}, plus the refusals. */
class TwilioSignatureVerifierTest {

    private static final JsonNode VECTORS = TwilioFixtures.json("signature/vectors.json");
    private static final String TOKEN = VECTORS.get("auth_token").asText();
    private static final String URL = VECTORS.get("url").asText();

    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier();

    @Test
    void theSdkVectorMatchesAndItsStringToSignIsTheDocumentedOne() {
        Map<String, List<String>> params = params(VECTORS.get("params"));

        assertThat(TwilioSignatureVerifier.stringToSign(URL, params))
                .isEqualTo(VECTORS.get("_string_to_sign_recomputed_by_collector").asText());
        assertThat(TwilioSignatureVerifier.sign(URL, params, TOKEN)).isEqualTo(VECTORS.get("expected_signature").asText());
        assertThat(verifier.check(URL, params, VECTORS.get("expected_signature").asText(), TOKEN)).isEqualTo(Outcome.VALID);
    }

    static Stream<Arguments> portVariants() {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode variant : VECTORS.get("port_variants")) {
            all.add(Arguments.of(variant.get("url").asText(), variant.get("expected_signature").asText()));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("portVariants")
    void everyPortVariantIsAcceptedAsTwiliosValidatorsDo(String url, String signature) {
        assertThat(verifier.check(url, params(VECTORS.get("params")), signature, TOKEN)).isEqualTo(Outcome.VALID);
    }

    @Test
    void thePortVariantsAreExactlyTheUrlWithoutItsPortOrWithTheStandardOne() {
        assertThat(TwilioSignatureVerifier.urlVariants("https://mycompany.com:1234/myapp.php?foo=1&bar=2"))
                .containsExactly("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "https://mycompany.com/myapp.php?foo=1&bar=2");
        assertThat(TwilioSignatureVerifier.urlVariants("http://mycompany.com/myapp.php"))
                .containsExactly("http://mycompany.com/myapp.php", "http://mycompany.com:80/myapp.php");
        assertThat(TwilioSignatureVerifier.urlVariants("https://user:pw@[::1]/x?a=b:c"))
                .containsExactly("https://user:pw@[::1]/x?a=b:c", "https://user:pw@[::1]:443/x?a=b:c");
        // A port-less URL is never signed with another port than the scheme's standard one.
        assertThat(verifier.check("https://mycompany.com/myapp.php?foo=1&bar=2", params(VECTORS.get("params")),
                "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", TOKEN)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void repeatedParametersAreSortedByValueWithinTheirName() {
        JsonNode vector = VECTORS.get("duplicate_params_vector");
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (JsonNode pair : vector.get("params_ordered_pairs")) {
            pairs.computeIfAbsent(pair.get(0).asText(), name -> new ArrayList<>()).add(pair.get(1).asText());
        }
        Map<String, List<String>> decoded = FormEncoding.decode(vector.get("form_body_as_in_test").asText().getBytes(StandardCharsets.UTF_8));
        String expected = vector.get("expected_signature").asText();

        assertThat(decoded).isEqualTo(pairs);
        assertThat(TwilioSignatureVerifier.sign(vector.get("url").asText(), decoded, TOKEN)).isEqualTo(expected);
        assertThat(verifier.check(vector.get("url").asText(), decoded, expected, TOKEN)).isEqualTo(Outcome.VALID);
    }

    @Test
    void anExactlyRepeatedPairIsAcceptedSignedOnceOrTwice() {
        Map<String, List<String>> params = Map.of("Digits", List.of("1234", "1234"), "From", List.of("+1"));
        Map<String, List<String>> once = Map.of("Digits", List.of("1234"), "From", List.of("+1"));

        assertThat(verifier.check(URL, params, TwilioSignatureVerifier.sign(URL, params, TOKEN), TOKEN)).isEqualTo(Outcome.VALID);
        assertThat(verifier.check(URL, params, TwilioSignatureVerifier.sign(URL, once, TOKEN), TOKEN)).isEqualTo(Outcome.VALID);
    }

    @Test
    void aJsonBodyIsCoveredThroughItsBodySha256InTheUrl() {
        JsonNode vector = VECTORS.get("json_body_vectors");
        byte[] body = vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
        String url = vector.get("url_with_body_hash").asText();
        String onlyHash = vector.get("url_with_only_body_hash").asText();

        assertThat(verifier.checkJsonBody(url, body, vector.get("expected_signature").asText(), TOKEN)).isEqualTo(Outcome.VALID);
        assertThat(verifier.checkJsonBody(onlyHash, body, vector.get("expected_signature_only_body_hash").asText(), TOKEN))
                .isEqualTo(Outcome.VALID);
        // The signature alone covers the URL with no parameters.
        assertThat(verifier.check(url, Map.of(), vector.get("expected_signature").asText(), TOKEN)).isEqualTo(Outcome.VALID);
        assertThat(url).contains(vector.get("body_sha256_hex").asText());
    }

    @Test
    void aJsonBodyThatDoesNotMatchItsHashOrAUrlWithoutHashIsRefused() {
        JsonNode vector = VECTORS.get("json_body_vectors");
        String url = vector.get("url_with_body_hash").asText();
        String signature = vector.get("expected_signature").asText();

        assertThat(verifier.checkJsonBody(url, "{\"property\": \"other\"}".getBytes(StandardCharsets.UTF_8), signature, TOKEN))
                .isEqualTo(Outcome.MISMATCH);
        assertThat(verifier.checkJsonBody(URL, vector.get("body").asText().getBytes(StandardCharsets.UTF_8),
                TwilioSignatureVerifier.sign(URL, Map.of(), TOKEN), TOKEN)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void theOlderDocsVectorMatches() {
        JsonNode vector = VECTORS.get("older_docs_vector");
        assertThat(verifier.check(vector.get("url").asText(), params(vector.get("params")),
                vector.get("expected_signature").asText(), vector.get("auth_token").asText())).isEqualTo(Outcome.VALID);
    }

    @Test
    void aWrongTokenChangedParameterOrAddedParameterIsAMismatch() {
        Map<String, List<String>> params = params(VECTORS.get("params"));
        String signature = VECTORS.get("expected_signature").asText();
        Map<String, List<String>> changed = new LinkedHashMap<>(params);
        changed.put("Digits", List.of("9999"));
        Map<String, List<String>> added = new LinkedHashMap<>(params);
        added.put("Body", List.of("extra"));

        assertThat(verifier.check(URL, params, signature, "54321")).isEqualTo(Outcome.MISMATCH);
        assertThat(verifier.check(URL, changed, signature, TOKEN)).isEqualTo(Outcome.MISMATCH);
        assertThat(verifier.check(URL, added, signature, TOKEN)).isEqualTo(Outcome.MISMATCH);
        assertThat(verifier.check(URL.replace("foo=1", "foo=2"), params, signature, TOKEN)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void aMissingOrMalformedHeaderIsToldApart() {
        Map<String, List<String>> params = params(VECTORS.get("params"));

        assertThat(verifier.check(URL, params, null, TOKEN)).isEqualTo(Outcome.MISSING);
        assertThat(verifier.check(URL, params, "  ", TOKEN)).isEqualTo(Outcome.MISSING);
        assertThat(verifier.check(URL, params, "not base64!", TOKEN)).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.check(URL, params, "c2hvcnQ=", TOKEN)).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(URL, params, " " + VECTORS.get("expected_signature").asText() + " ", TOKEN)).isTrue();
    }

    @Test
    void aMissingTokenOrUrlIsAConfigurationError() {
        assertThatThrownBy(() -> verifier.check(URL, Map.of(), "x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> verifier.check(" ", Map.of(), "x", TOKEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWhatsAppFixtureBodySignedByTwilioVerifiesFromItsRawBytes() {
        byte[] body = TwilioFixtures.read("inbound/captured/chatsaude_sandbox_text_utf8.form");
        String url = "https://hooks.example.test/prod/webhooks/twilio";
        String signature = TwilioSignatureVerifier.sign(url, FormEncoding.decode(body), "tenant-auth-token");

        assertThat(verifier.check(url, FormEncoding.decode(body), signature, "tenant-auth-token")).isEqualTo(Outcome.VALID);
        // The value Twilio signs is the decoded one (Olá, whatsapp:+…), not the escaped bytes.
        assertThat(TwilioSignatureVerifier.stringToSign(url, FormEncoding.decode(body)))
                .contains("BodyOlá").contains("Fromwhatsapp:+558282136275");
    }

    private static Map<String, List<String>> params(JsonNode object) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            params.put(field.getKey(), List.of(field.getValue().asText()));
        }
        return params;
    }
}
