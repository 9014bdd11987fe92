package dev.waagent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BedrockSettingsTest {

    private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

    @Test
    void validSettingsAreNormalised() {
        BedrockSettings settings = new BedrockSettings("bedrock", " " + MODEL + " ", " EU-West-1 ", null, 512, 0.2,
                Duration.ofSeconds(30));

        assertThat(settings.modelId()).isEqualTo(MODEL);
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.usesLocalEndpoint()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> local: {1}")
    @CsvSource({
            "http://127.0.0.1:8089, true",
            "http://localhost:8089, true",
            "https://localhost:8443, true",
            "https://127.0.0.1:8443, true",
            "https://[::1]:8443, true",
            "http://bedrock-stub:8080, true",
            "https://vpce-0a1b2c3d.bedrock-runtime.eu-west-1.vpce.amazonaws.com, false",
            "https://bedrock-runtime-fips.us-east-1.amazonaws.com, false",
    })
    void onlyLocalEndpointsGetDummyCredentials(String endpoint, boolean local) {
        BedrockSettings settings = new BedrockSettings("bedrock", MODEL, "eu-west-1", URI.create(endpoint), 512, 0.2,
                Duration.ofSeconds(30));

        assertThat(settings.usesLocalEndpoint()).isEqualTo(local);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "eu west 1", "europe", "us-east"})
    void regionMustBeAnAwsRegionName(String region) {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", MODEL, region, null, 512, 0.2, Duration.ofSeconds(30)));
    }

    @Test
    void nameAndModelIdAreRequired() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings(" ", MODEL, "eu-west-1", null, 512, 0.2, Duration.ofSeconds(30)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", null, "eu-west-1", null, 512, 0.2, Duration.ofSeconds(30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1", "127.0.0.1:8089", "/model"})
    void endpointOverrideMustBeAnAbsoluteHttpUrl(String endpoint) {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", MODEL, "eu-west-1", URI.create(endpoint), 512, 0.2, Duration.ofSeconds(30)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.01, 2.0, Double.NaN, Double.POSITIVE_INFINITY})
    void temperatureMustBeInBedrocksRange(double temperature) {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", MODEL, "eu-west-1", null, 512, temperature, Duration.ofSeconds(30)));
    }

    @Test
    void maxTokensAndTimeoutMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", MODEL, "eu-west-1", null, 0, 0.2, Duration.ofSeconds(30)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", MODEL, "eu-west-1", null, 512, 0.2, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BedrockSettings("bedrock", MODEL, "eu-west-1", null, 512, 0.2, Duration.ofSeconds(-1)));
    }
}
