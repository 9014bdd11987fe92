package dev.waagent.domain.context;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.turn.TurnSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.waagent.domain.context.ContextFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ReplyComposerTest {

    private final Stores stores = new Stores();
    private final List<String> notices = new ArrayList<>();
    private final Catalog catalog = new Catalog(FX3, A7S3);
    private final TimeSource time = new TimeSource() {
        @Override
        public Instant now() {
            return T0;
        }

        @Override
        public void sleep(Duration duration) {
        }
    };

    private ComposedReply compose(ScriptedModel model, String... lines) {
        ContextBuilder context = new ContextBuilder(TOKENS, new Knowledge(), catalog, stores,
                new ContextSettings(1_500, Map.of(), 3, 3), TurnSettings.defaults());
        ReplyComposer composer = new ReplyComposer(context, model,
                new AgentTools(catalog, stores, (tenant, key, notice) -> notices.add(notice)), tenant -> Optional.empty(),
                stores, time);
        List<StoredMessage> messages = conversation(lines);
        return composer.compose(PUNE, new ConversationSnapshot(Conversation.start(KEY), messages),
                List.of(messages.get(messages.size() - 1)), T0, Duration.ofSeconds(20));
    }

    @Test
    void aToolRoundSendsTheCallsAndResultsBackAndTheQuotedPriceIsKept() {
        ScriptedModel model = new ScriptedModel().calls(AgentTools.QUOTE_PRICE, "{\"item\":\"fx3\",\"days\":2}")
                .says("The FX3 is ₹3,500 per day, so ₹7,000 for 2 days.");
        ComposedReply reply = compose(model, "price of fx3 for 2 days?");

        assertThat(reply.text()).isEqualTo("The FX3 is ₹3,500 per day, so ₹7,000 for 2 days.");
        assertThat(reply.rounds()).isEqualTo(2);
        LlmRequest second = model.requests.get(1);
        assertThat(second.messages()).anyMatch(m -> m.role() == ChatRole.ASSISTANT && m.hasToolCalls()
                && m.toolCalls().get(0).name().equals(AgentTools.QUOTE_PRICE));
        assertThat(second.messages()).anyMatch(m -> m.role() == ChatRole.TOOL && m.toolCallId().equals("call_0")
                && m.content().contains("₹7,000"));
        assertThat(stores.toolRecords).singleElement().asList().singleElement().asString()
                .startsWith("quote_price(").contains("₹7,000");
        assertThat(reply.promptTokens()).isEqualTo(200);
    }

    @Test
    void aModelThatInventsAPriceIsCorrectedToTheCatalogPrice() {
        ScriptedModel model = new ScriptedModel().says("The FX3 is just Rs 2,000 per day!");
        ComposedReply reply = compose(model, "how much is the fx3 per day?");

        assertThat(reply.text()).isEqualTo("The FX3 is just ₹3,500 per day!");
        assertThat(reply.priceRepairs()).hasSize(1);
    }

    @Test
    void noMoreThanThreeToolRoundsRun() {
        ScriptedModel model = new ScriptedModel().calls(AgentTools.SEARCH_CATALOG, "{\"query\":\"fx3\"}");
        ComposedReply reply = compose(model, "do you have the fx3?");

        assertThat(reply.rounds()).isEqualTo(ReplyComposer.MAX_TOOL_ROUNDS + 1);
        assertThat(reply.toolResults()).hasSize(ReplyComposer.MAX_TOOL_ROUNDS);
        assertThat(reply.text()).isNotBlank();
    }

    @Test
    void aBookingRequestIsStoredForStaffAndTheyAreTold() {
        ScriptedModel model = new ScriptedModel()
                .calls(AgentTools.REQUEST_BOOKING, "{\"item\":\"fx3\",\"dates\":\"Saturday\"}")
                .says("Done - a team member will confirm your FX3 booking for Saturday.");
        compose(model, "book the fx3 for saturday please");

        assertThat(stores.requests).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo("Sony FX3");
            assertThat(r.dates()).isEqualTo("Saturday");
        });
        assertThat(notices).singleElement().asString().contains("booking request: Sony FX3, Saturday");
    }

    @Test
    void handOffSetsTheFlagOnTheComposedReply() {
        ScriptedModel model = new ScriptedModel().calls(AgentTools.HAND_OFF, "{\"reason\":\"wants a discount\"}")
                .says("A team member will reply shortly.");
        ComposedReply reply = compose(model, "can you give me a discount on the fx3?");

        assertThat(reply.handoffRequested()).isTrue();
        assertThat(reply.handoffReason()).isEqualTo("wants a discount");
        assertThat(reply.accounting().needsHuman()).isTrue();
    }
}
