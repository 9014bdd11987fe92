package dev.waagent.scheduler;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.memory.TurnMemory;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.turn.PromptBuilder;
import dev.waagent.domain.turn.TurnSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummariesJobTest implements TestPropertyProvider {

    private static final String SUMMARY = "SUMMARY: Ravi wants to rent the Sony FX3 for 2 days from Friday; the agent quoted "
            + "Rs 2500 per day and asked whether to book it.\nFACTS:\n- Name: Ravi\n- Item: Sony FX3\n- Dates: Friday, 2 days";
    private static final Duration HOUR = Duration.ofHours(1);

    private final ChatCompletionsStub cheap = new ChatCompletionsStub("cheap-model", SUMMARY);
    private final ChatCompletionsStub dear = new ChatCompletionsStub("dear-model", SUMMARY);

    @Inject
    SummariesJob job;
    @Inject
    ManualClock clock;
    @Inject
    ConversationStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    TurnMemory turnMemory;
    @Inject
    ConversationMaintenance maintenance;

    private Seeder seed;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SchedulerTestProperties.fresh());
        // The tenant's (default) order names the dear provider first: summaries must still start with the cheap one.
        properties.put("llm.default-order", "dear,cheap");
        properties.put("llm.providers.dear.base-url", dear.baseUrl().toString());
        properties.put("llm.providers.dear.model", "dear-model");
        properties.put("llm.providers.cheap.base-url", cheap.baseUrl().toString());
        properties.put("llm.providers.cheap.model", "cheap-model");
        properties.put("llm.prices.dear-model.prompt", "5.00");
        properties.put("llm.prices.dear-model.completion", "15.00");
        properties.put("llm.prices.cheap-model.prompt", "0.05");
        properties.put("llm.prices.cheap-model.completion", "0.08");
        properties.put("llm.routing.max-attempts", "1");
        return properties;
    }

    @BeforeEach
    void setUp() {
        seed = new Seeder(store, tenants);
        cheap.failing(false);
        dear.failing(false);
    }

    @AfterEach
    void retire() {
        seed.retireAll();
    }

    @AfterAll
    void stopStubs() {
        cheap.close();
        dear.close();
    }

    @Test
    void theSummaryReplacesTheTurnsItCoversInTheNextPrompt() throws Exception {
        Tenant tenant = seed.tenant("Asia/Kolkata");
        String customer = Seeder.customer();
        Instant last = fourTurns(tenant, customer, clock.peek());
        int cheapBefore = cheap.requests().size();
        int dearBefore = dear.requests().size();

        clock.set(last.plus(Duration.ofMinutes(10)));
        assertThat(job.run(HOUR)).contains("summarized-llm=1");
        assertThat(cheap.requests()).hasSize(cheapBefore + 1);
        assertThat(dear.requests()).hasSize(dearBefore);
        assertThat(cheap.requests().get(cheapBefore)).contains("Is the FX3 available this Friday?");

        ConversationMemory memory = store.load(key(tenant, customer), 12).conversation().memory();
        assertThat(memory.summary()).startsWith("Ravi wants to rent the Sony FX3");
        assertThat(memory.keyFacts()).containsExactly("Name: Ravi", "Item: Sony FX3", "Dates: Friday, 2 days");
        assertThat(memory.summarizedThrough()).isEqualTo(last);

        // The customer comes back: the prompt carries the summary instead of the old turns.
        StoredMessage next = seed.inbound(tenant, customer, "Yes please, book it", clock.peek().plusSeconds(30));
        LlmRequest prompt = new PromptBuilder(TurnSettings.defaults()).build(tenant, store.load(key(tenant, customer), 12),
                List.of(next), clock.peek().plusSeconds(31), Duration.ofSeconds(10));
        assertThat(prompt.messages().get(0).content()).contains("Ravi wants to rent the Sony FX3").contains("- Item: Sony FX3");
        assertThat(prompt.messages()).hasSize(2);
        assertThat(prompt.messages().get(1).role()).isEqualTo(ChatRole.USER);
        assertThat(prompt.messages().get(1).content()).isEqualTo("Yes please, book it");
        assertThat(prompt.messages()).extracting(ChatMessage::content)
                .noneMatch(content -> content.contains("Is the FX3 available this Friday?"));

        // Re-run in the same window: nothing new to summarise, nothing written, no model called.
        assertThat(job.run(HOUR)).doesNotContain("summarized");
        assertThat(cheap.requests()).hasSize(cheapBefore + 1);
    }

    @Test
    void whenNoModelAnswersTheExtractiveSummaryIsStored() {
        cheap.failing(true);
        dear.failing(true);
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant last = fourTurns(tenant, customer, clock.peek());

        clock.set(last.plus(Duration.ofMinutes(10)));
        assertThat(job.run(HOUR)).contains("summarized-extractive=1");
        ConversationMemory memory = store.load(key(tenant, customer), 12).conversation().memory();
        assertThat(memory.summary()).contains("Customer asked:").contains("Is the FX3 available this Friday?");
        assertThat(memory.keyFacts()).anySatisfy(fact -> assertThat(fact).startsWith("Asked about:").contains("FX3"));
        assertThat(memory.keyFacts()).anySatisfy(fact -> assertThat(fact).startsWith("Durations mentioned:").contains("2 days"));
        assertThat(memory.summarizedThrough()).isEqualTo(last);
    }

    @Test
    void aShortConversationIsNotWorthASummary() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant last = seed.turn(tenant, customer, "hi", "Hello! How can I help?", clock.peek(), Duration.ofSeconds(2));
        clock.set(last.plus(Duration.ofMinutes(10)));
        assertThat(job.run(HOUR)).contains("skipped-too-few=1").doesNotContain("summarized");
        assertThat(store.load(key(tenant, customer), 12).conversation().memory().hasSummary()).isFalse();
    }

    @Test
    void aBusyConversationWhoseTurnsOverflowThePromptIsSummarisedOnTheNextRunWithoutGoingQuiet() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant last = fourTurns(tenant, customer, clock.peek());
        // The worker's context builder had to drop turns from the last turn's prompt.
        turnMemory.markSummaryDue(key(tenant, customer), last);
        int cheapBefore = cheap.requests().size();

        clock.set(last.plusSeconds(30)); // busy: far from the 10 quiet minutes
        assertThat(job.run(HOUR)).contains("summarized-llm-marked=1");
        ConversationMemory memory = store.load(key(tenant, customer), 12).conversation().memory();
        assertThat(memory.summary()).startsWith("Ravi wants to rent the Sony FX3");
        assertThat(memory.summarizedThrough()).isEqualTo(last);
        assertThat(cheap.requests()).hasSize(cheapBefore + 1);

        // Re-run: the mark was handled, nothing is summarised twice.
        clock.set(last.plusSeconds(40));
        assertThat(job.run(HOUR)).doesNotContain("summarized");
        assertThat(cheap.requests()).hasSize(cheapBefore + 1);

        // Still busy, it overflows again: the next run summarises again, from where the summary stopped.
        Instant later = seed.turn(tenant, customer, "Can you add a tripod?", "Yes, a tripod is Rs 300 per day.",
                last.plusSeconds(45), Duration.ofSeconds(3));
        turnMemory.markSummaryDue(key(tenant, customer), later);
        clock.set(later.plusSeconds(20));
        assertThat(job.run(HOUR)).contains("summarized-llm-marked=1");
        assertThat(cheap.requests()).hasSize(cheapBefore + 2);
        assertThat(cheap.requests().get(cheapBefore + 1)).contains("Can you add a tripod?")
                .doesNotContain("Is the FX3 available this Friday?");
        assertThat(store.load(key(tenant, customer), 12).conversation().memory().summarizedThrough()).isEqualTo(later);
    }

    @Test
    void aBusyConversationThatFitsThePromptIsNotSummarisedBeforeItGoesQuiet() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant last = fourTurns(tenant, customer, clock.peek());
        int cheapBefore = cheap.requests().size();

        clock.set(last.plusSeconds(30));
        assertThat(job.run(HOUR)).doesNotContain("summarized");
        assertThat(cheap.requests()).hasSize(cheapBefore);
        assertThat(store.load(key(tenant, customer), 12).conversation().memory().hasSummary()).isFalse();
    }

    @Test
    void theFactsEachTurnExtractedSurviveTheSummaryAndWinOverItsVersionOfTheSameKey() {
        Tenant tenant = seed.tenant("Asia/Kolkata");
        String customer = Seeder.customer();
        Instant last = fourTurns(tenant, customer, clock.peek());
        turnMemory.saveKeyFacts(key(tenant, customer), List.of("name: Ravindra", "budget: Rs 8000"), last);

        clock.set(last.plus(Duration.ofMinutes(10)));
        assertThat(job.run(HOUR)).contains("summarized-llm=1");

        ConversationMemory memory = store.load(key(tenant, customer), 12).conversation().memory();
        assertThat(memory.summary()).startsWith("Ravi wants to rent the Sony FX3");
        assertThat(memory.keyFacts()).containsExactly("Item: Sony FX3", "Dates: Friday, 2 days", "name: Ravindra",
                "budget: Rs 8000");
    }

    @Test
    void aSummaryIsNotSavedOverKeyFactsATurnWroteAfterTheJobReadThem() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        ConversationKey key = key(tenant, customer);
        Instant last = fourTurns(tenant, customer, clock.peek());
        ConversationMemory read = store.load(key, 12).conversation().memory();
        ConversationMemory updated = new ConversationMemory("Ravi asked about the FX3.", List.of("item: Sony FX3"), last, null);

        // A turn lands between the job's read and its write.
        turnMemory.saveKeyFacts(key, List.of("name: Ravi", "location: Baner"), last.plusSeconds(5));
        assertThat(maintenance.saveSummary(key, read, updated, last.plusSeconds(6))).isFalse();
        assertThat(store.load(key, 12).conversation().memory().keyFacts()).containsExactly("name: Ravi", "location: Baner");
        assertThat(store.load(key, 12).conversation().memory().hasSummary()).isFalse();

        // Read again, the save goes through; and a second turn's change stops a stale save once more.
        ConversationMemory reread = store.load(key, 12).conversation().memory();
        assertThat(maintenance.saveSummary(key, reread, updated, last.plusSeconds(7))).isTrue();
        ConversationMemory summarized = store.load(key, 12).conversation().memory();
        assertThat(summarized.keyFacts()).containsExactly("item: Sony FX3");
        turnMemory.saveKeyFacts(key, List.of("item: Sony FX3", "location: Aundh"), last.plusSeconds(8));
        ConversationMemory later = new ConversationMemory("Ravi booked.", List.of("item: Sony FX3"), last.plusSeconds(1), null);
        assertThat(maintenance.saveSummary(key, summarized, later, last.plusSeconds(9))).isFalse();
        assertThat(store.load(key, 12).conversation().memory().keyFacts()).containsExactly("item: Sony FX3", "location: Aundh");
    }

    private Instant fourTurns(Tenant tenant, String customer, Instant start) {
        Instant t = seed.turn(tenant, customer, "Is the FX3 available this Friday?", "Yes, the FX3 is free on Friday.",
                start, Duration.ofSeconds(3));
        t = seed.turn(tenant, customer, "What is the price for 2 days?", "Rs 2500 per day, so Rs 5000.",
                t.plusSeconds(20), Duration.ofSeconds(3));
        t = seed.turn(tenant, customer, "Do you need a deposit?", "Yes, a refundable Rs 10000 deposit.",
                t.plusSeconds(20), Duration.ofSeconds(3));
        return seed.turn(tenant, customer, "ok", "Shall I book the FX3 for Friday?", t.plusSeconds(20), Duration.ofSeconds(3));
    }

    private static ConversationKey key(Tenant tenant, String customer) {
        return new ConversationKey(tenant.id(), customer);
    }
}
