package dev.waagent.twilio;

import dev.waagent.domain.channel.MalformedPayloadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormEncodingTest {

    @Test
    void plusIsASpaceAndPercentEscapesAreUtf8Bytes() {
        Map<String, List<String>> params = decode("ProfileName=XXXX+Caller+BR-2&Body=Ol%C3%A1&To=whatsapp%3A%2B14155238886&Plus=%2B");

        assertThat(params).containsEntry("ProfileName", List.of("XXXX Caller BR-2"))
                .containsEntry("Body", List.of("Olá"))
                .containsEntry("To", List.of("whatsapp:+14155238886"))
                .containsEntry("Plus", List.of("+"));
    }

    @Test
    void anUnescapedColonAsCourierWritesItDecodesTheSame() {
        assertThat(decode("To=whatsapp:%2B12028831111")).isEqualTo(decode("To=whatsapp%3A%2B12028831111"));
    }

    @Test
    void namesKeepTheirOrderAndRepeatedNamesEveryValue() {
        Map<String, List<String>> params = decode("Sid=CA123&Digits=5678&SidAccount=AC123&Digits=1234");

        assertThat(params.keySet()).containsExactly("Sid", "Digits", "SidAccount");
        assertThat(params.get("Digits")).containsExactly("5678", "1234");
    }

    @Test
    void emptySegmentsAreSkippedAndANameWithoutEqualsHasAnEmptyValue() {
        assertThat(decode("a=1&&b&c=")).containsExactly(
                Map.entry("a", List.of("1")), Map.entry("b", List.of("")), Map.entry("c", List.of("")));
        assertThat(FormEncoding.decode(new byte[0])).isEmpty();
        assertThat(FormEncoding.decode(null)).isEmpty();
    }

    @Test
    void rawUtf8BytesInABodyAreAcceptedAsIs() {
        assertThat(FormEncoding.decode("Body=Olá".getBytes(StandardCharsets.UTF_8))).containsEntry("Body", List.of("Olá"));
    }

    @Test
    void brokenEscapesAndInvalidUtf8AreMalformed() {
        assertThatThrownBy(() -> decode("a=%4")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> decode("a=%")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> decode("a=%GG")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> decode("a=%FF")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> FormEncoding.decode(new byte[]{'a', '=', (byte) 0xC3})).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void encodingRoundTripsEverythingIncludingPlusSpacesAndEmoji() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("To", List.of("whatsapp:+14155238886"));
        params.put("Body", List.of("a+b c & d=e 🙏 नमस्ते"));
        params.put("Digits", List.of("1", "2"));

        String encoded = FormEncoding.encode(params);

        assertThat(encoded).startsWith("To=whatsapp%3A%2B14155238886&Body=a%2Bb+c+%26+d%3De");
        assertThat(FormEncoding.decode(encoded.getBytes(StandardCharsets.US_ASCII))).isEqualTo(params);
    }

    private static Map<String, List<String>> decode(String body) {
        return FormEncoding.decode(body.getBytes(StandardCharsets.UTF_8));
    }
}
