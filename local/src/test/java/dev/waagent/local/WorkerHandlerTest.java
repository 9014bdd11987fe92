package dev.waagent.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.sqs.TurnTriggerCodec;
import dev.waagent.worker.WorkerHandler;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker through its Lambda entry point with a real SQS FIFO event, on the local stand-ins. */
class WorkerHandlerTest {

    @TempDir
    static Path dataDir;
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "worker-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.turn.burst-window", "0s",
                "wa.local.pollers", 1,
                "llm.providers.openai.enabled", false)));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aPoisonRecordFailsAloneWhileTheOtherCustomersAreAnswered() throws Exception {
        String first = "9199" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 8);
        String second = "9199" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 8);
        TurnTrigger one = stored(first, "Namaste, kal Sony A7S III milega?");
        TurnTrigger two = stored(second, "Hi, what are your Sunday hours?");
        TurnTriggerCodec codec = runtime.context().getBean(TurnTriggerCodec.class);
        String json = resource("/sqs-turn-batch.json")
                .replace("${trigger1}", codec.write(one).replace("\"", "\\\""))
                .replace("${trigger2}", codec.write(two).replace("\"", "\\\""))
                .replace("${group1}", one.conversationKey().orderingGroup())
                .replace("${group2}", two.conversationKey().orderingGroup())
                .replace("${dedup1}", one.messageId())
                .replace("${dedup2}", two.messageId());
        SQSEvent event = runtime.context().getBean(JsonMapper.class).readValue(json, SQSEvent.class);

        SQSBatchResponse response = new WorkerHandler(runtime.context()).handleRequest(event, new LocalLambdaContext(30_000));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        LocalOutbox outbox = runtime.context().getBean(LocalOutbox.class);
        assertThat(outbox.entries()).anySatisfy(e -> assertThat(e.body()).contains("\"to\":\"" + first + "\"").contains("\"type\":\"text\""));
        assertThat(outbox.entries()).anySatisfy(e -> assertThat(e.body()).contains("\"to\":\"" + second + "\"").contains("\"type\":\"text\""));
        // The local responder answered in the customer's language.
        assertThat(outbox.entries()).filteredOn(e -> e.body().contains("\"to\":\"" + first + "\"") && e.body().contains("\"type\":\"text\""))
                .singleElement().satisfies(e -> assertThat(e.body()).doesNotContainPattern("[0-9]{3,}\\s*(rs|inr|₹)"));
    }

    @Test
    void theWorkersHotPathIsPrimedBeforeTheSnapStartCheckpoint() {
        // The runtime runs in the "local" environment, where the simulator bean is off: build it over the same resources.
        var simulator = new io.micronaut.crac.test.DefaultCheckpointSimulator(List.copyOf(
                runtime.context().getBeansOfType(io.micronaut.crac.OrderedResource.class)));
        try {
            simulator.runBeforeCheckpoint();
            assertThat(runtime.context().getBean(dev.waagent.lambda.PrimingResource.class).primed()).containsKeys("worker", "webhook");
        } finally {
            // Other CRaC resources (the HTTP server) stop before a checkpoint: bring them back as a restore would.
            simulator.runAfterRestore();
        }
    }

    private static TurnTrigger stored(String customer, String text) {
        String wamid = "wamid." + UUID.randomUUID();
        Instant now = Instant.now().minusSeconds(5);
        runtime.context().getBean(ConversationStore.class).recordInbound("pune-camera-rentals",
                new InboundMessage("whatsapp", DemoTenants.PUNE_NUMBER_ID, wamid, customer, "Ravi", MessageType.TEXT,
                        "text", text, now, null, Map.of()), now);
        return new TurnTrigger("pune-camera-rentals", customer, wamid);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = WorkerHandlerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
