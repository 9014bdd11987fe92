package dev.waagent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waagent.bedrock.FakeBedrockServer.ErrorShape;
import dev.waagent.bedrock.FakeBedrockServer.Reply;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Checks the stub against an SDK client with default settings: its errors must be recognised by the SDK as the
 * real ones are (typed exceptions, throttling detected, retried), or the provider tests' "exactly one request"
 * assertions would prove nothing.
 */
class FakeBedrockServerTest {

    @ParameterizedTest(name = "{1} (HTTP {0}), type in {2}")
    @CsvSource({
            "429, ThrottlingException, HEADER",
            "503, ServiceUnavailableException, BODY",
    })
    void stubErrorsAreTypedAndRetriedBySdkDefaults(int status, String type, ErrorShape shape) throws IOException {
        try (FakeBedrockServer server = FakeBedrockServer.start();
             BedrockRuntimeClient defaults = BedrockRuntimeClient.builder()
                     .region(Region.EU_WEST_1)
                     .endpointOverride(server.endpoint())
                     .httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)))
                     .build()) {
            for (int i = 0; i < 10; i++) {
                server.enqueue(Reply.error(status, type, "scripted", shape));
            }

            AwsServiceException failure = catchThrowableOfType(AwsServiceException.class, () -> defaults.converse(
                    ConverseRequest.builder()
                            .modelId("anthropic.claude-3-5-haiku-20241022-v1:0")
                            .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build())
                            .build()));

            assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
            assertThat(failure.awsErrorDetails().errorCode()).isEqualTo(type);
            assertThat(failure.isThrottlingException()).isEqualTo(status == 429);
            // SDK 2.54.14 makes 4 attempts by default (measured): the provider must switch that off.
            assertThat(server.received()).hasSizeGreaterThan(1);
        }
    }
}
