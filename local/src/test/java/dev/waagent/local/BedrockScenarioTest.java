package dev.waagent.local;

import dev.waagent.bedrock.FakeBedrockServer;
import dev.waagent.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.bodyOf;
import static dev.waagent.local.PipelineDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn through the worker with the provider configured {@code type: bedrock}: the AWS SDK's Bedrock Runtime client
 * against a loopback server speaking Converse's wire format ({@link FakeBedrockServer}, shared with core/bedrock's
 * tests), the seeded Pune back office (catalog) and DynamoDB Local.
 */
class BedrockScenarioTest {

    private static final String SECRET = "bedrock-secret";
    private static final String MODEL_ID = "amazon.nova-lite-v1:0";

    @TempDir
    static Path dataDir;

    private static FakeBedrockServer bedrock;
    private static LocalRuntime runtime;
    private static PipelineDriver driver;

    @BeforeAll
    static void start() throws Exception {
        bedrock = FakeBedrockServer.start();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "wa.secrets.meta-app-secret", SECRET,
                "wa.turn.burst-window", "0s",
                "wa.turn.deadline", "15s",
                "wa.sqs.delivery-delay", "0s",
                "wa.scheduler.enabled", false,
                "llm.default-order", "bedrock",
                "llm.providers.openai.enabled", false));
        properties.put("llm.providers.bedrock.type", "bedrock");
        properties.put("llm.providers.bedrock.model-id", MODEL_ID);
        properties.put("llm.providers.bedrock.region", "ap-south-1");
        properties.put("llm.providers.bedrock.endpoint-override", bedrock.endpoint().toString());
        properties.put("llm.providers.bedrock.timeout", "5s");
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "bedrock-" + UUID.randomUUID().toString().substring(0, 8), properties));
        driver = new PipelineDriver(runtime, SECRET, DemoTenants.PUNE_NUMBER_ID);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        bedrock.close();
    }

    @Test
    void aToolUseRoundThroughTheWorkerQuotesTheCatalogPrice() throws Exception {
        long refusedBefore = runtime.context().getBean(GraphApiStandIn.class).refusedRequests();
        int before = bedrock.received().size();
        bedrock.enqueue(FakeBedrockServer.Reply.json("""
                {"metrics":{"latencyMs":640},
                 "output":{"message":{"role":"assistant","content":[
                   {"text":"Let me get the price."},
                   {"toolUse":{"toolUseId":"tooluse_q1","name":"quote_price","input":{"item":"sony fx3","days":3}}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":900,"outputTokens":40,"totalTokens":940}}"""));
        // The model's own figure is wrong on purpose: the price guard keeps the catalog's quote.
        bedrock.enqueue(FakeBedrockServer.Reply.json("""
                {"metrics":{"latencyMs":520},
                 "output":{"message":{"role":"assistant","content":[
                   {"text":"The Sony FX3 is ₹3,500 per day, so ₹9,999 for 3 days."}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":1010,"outputTokens":30,"totalTokens":1040}}"""));
        String customer = customer();

        assertThat(driver.send(customer, "price of the sony fx3 for 3 days?")).isEqualTo(200);
        List<Map<String, Object>> replies = await(() -> driver.textsTo(customer), 1);

        assertThat(replies).hasSize(1);
        assertThat(bodyOf(replies.get(0))).contains("₹10,500").doesNotContain("9,999");
        List<FakeBedrockServer.Received> calls = bedrock.received().subList(before, bedrock.received().size());
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.modelId()).isEqualTo(MODEL_ID);
            assertThat(call.rawPath()).isEqualTo("/model/amazon.nova-lite-v1%3A0/converse");
            assertThat(call.header("authorization")).startsWith("AWS4-HMAC-SHA256").contains("/ap-south-1/bedrock/");
        });
        assertThat(calls.get(0).body()).contains("\"toolConfig\"", "\"quote_price\"", "price of the sony fx3 for 3 days?");
        assertThat(calls.get(1).body())
                .contains("\"toolUse\":{\"toolUseId\":\"tooluse_q1\",\"name\":\"quote_price\"")
                .contains("\"toolResult\":{\"toolUseId\":\"tooluse_q1\"")
                .contains("10,500");
        assertThat(runtime.context().getBean(GraphApiStandIn.class).refusedRequests()).isEqualTo(refusedBefore);
    }
}
