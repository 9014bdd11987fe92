package dev.waagent.domain.context;

import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.SpellingCorrection;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
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
        return compose(new Knowledge(), catalog, model, conversation(lines));
    }

    private ComposedReply compose(Knowledge knowledge, CatalogLookup lookup, ScriptedModel model,
                                  List<StoredMessage> messages) {
        return compose(knowledge, lookup, model, messages, Conversation.start(KEY));
    }

    private ComposedReply compose(Knowledge knowledge, CatalogLookup lookup, ScriptedModel model,
                                  List<StoredMessage> messages, Conversation conversation) {
        ContextBuilder context = new ContextBuilder(TOKENS, knowledge, lookup, stores,
                new ContextSettings(1_500, Map.of(), 3, 3), TurnSettings.defaults(), IntentRouter.rulesOnly());
        ReplyComposer composer = new ReplyComposer(context, model,
                new AgentTools(catalog, stores, (tenant, key, notice) -> notices.add(notice)), tenant -> Optional.empty(),
                stores, time);
        return composer.compose(PUNE, new ConversationSnapshot(conversation, messages),
                List.of(messages.get(messages.size() - 1)), T0, Duration.ofSeconds(20));
    }

    private double confidenceOf(Knowledge knowledge, String question) {
        return compose(knowledge, catalog, new ScriptedModel().says("Here is what I know."), conversation(question))
                .confidence();
    }

    @Test
    void aGeneralQuestionIsAsConfidentAsTheBestKnowledgeHitSupportingIt() {
        Knowledge knowledge = new Knowledge().add("deposit", "Security deposit", "₹10,000, refundable.", 0.93)
                .add("refundable", "Cancellation", "Advance refundable 48 hours ahead.", 0.41);

        assertThat(confidenceOf(knowledge, "is the deposit refundable?")).isEqualTo(0.93);
        assertThat(confidenceOf(knowledge, "is the advance refundable?")).isEqualTo(0.41);
        assertThat(confidenceOf(knowledge, "does your shop run photography workshops for kids?")).isZero();
    }

    @Test
    void greetingsBookingsPricesAndOffTopicChatterAreNeverJudgedOnKnowledge() {
        Knowledge empty = new Knowledge();

        assertThat(confidenceOf(empty, "hi")).isNaN();
        assertThat(confidenceOf(empty, "hello, do you organise photo walks?")).isNaN();
        assertThat(confidenceOf(empty, "I want to book a camera for my wedding")).isNaN();
        assertThat(confidenceOf(empty, "how much for a week?")).isNaN();
        assertThat(confidenceOf(empty, "who won the cricket match yesterday?")).isNaN();
    }

    @Test
    void onlyAnItemTheCustomerNamedSupportsTheAnswerNotAFuzzyGuessAtOne() {
        CatalogLookup guessing = new CatalogLookup() {
            @Override
            public List<CatalogMatch> match(String tenantId, String text, int k) {
                return List.of(new CatalogMatch(FX3, 0.9, CatalogMatch.Kind.FUZZY, "kids", "fx3"));
            }

            @Override
            public SpellingCorrection correct(String tenantId, String text) {
                throw new UnsupportedOperationException();
            }
        };
        ScriptedModel model = new ScriptedModel().says("Here is what I know.");

        assertThat(compose(new Knowledge(), guessing, model, conversation("does your shop run workshops for kids?"))
                .confidence()).isZero();
        assertThat(compose(new Knowledge(), guessing, model, conversation("what mount does the fx3 kit use?"))
                .confidence()).as("a close match asked for an attribute its entry holds").isEqualTo(0.9);
        assertThat(compose(new Knowledge(), catalog, model, conversation("what comes in the box with the fx3?"))
                .confidence()).isEqualTo(0.95);
    }

    @Test
    void aFollowUpForAnAttributeOfTheItemInFocusIsSupportedButOtherQuestionsInItsShadowAreNot() {
        Conversation ravi = new Conversation(KEY, "Ravi", dev.waagent.domain.conversation.ConversationStatus.ACTIVE, null,
                null, false, null, new dev.waagent.domain.conversation.ConversationMemory(null, List.of("item: Sony FX3"),
                null, null));
        ScriptedModel model = new ScriptedModel().says("Here is what I know.");

        assertThat(compose(new Knowledge(), catalog, model, conversation("do you have the fx3?", "Yes.",
                "what mount is that one?"), ravi).confidence()).as("the FX3's entry lists its mount").isEqualTo(1.0);
        assertThat(compose(new Knowledge(), catalog, model, conversation("do you have the fx3?", "Yes.",
                "is that one good for weddings, is there a workshop?"), ravi).confidence())
                .as("in focus, but no attribute of its entry is asked for").isZero();
    }

    @Test
    void aToolAnswerIsFullySupportedAndAHoldingReplyOrTheModelsHandOffIsNotJudgedAgain() {
        ComposedReply quoted = compose(new ScriptedModel().calls(AgentTools.SEARCH_CATALOG, "{\"query\":\"fx3\"}")
                .says("Yes, we have the Sony FX3."), "what do you know about the fx3 then?");
        assertThat(quoted.confidence()).isEqualTo(1.0);
        ComposedReply priceQuote = compose(new ScriptedModel().calls(AgentTools.QUOTE_PRICE, "{\"item\":\"fx3\",\"days\":2}")
                .says("The FX3 is ₹3,500 per day."), "price of fx3 for 2 days?");
        assertThat(priceQuote.confidence()).as("a price quote is not judged on knowledge: it leaves a streak alone").isNaN();

        ScriptedModel holding = new ScriptedModel();
        holding.script.add(new LlmResponse("local", "responder", "A team member will reply shortly.", List.of(),
                new TokenUsage(0, 0, false), Duration.ZERO, true));
        assertThat(compose(holding, "does your shop run photography workshops for kids?").confidence()).isNaN();

        ComposedReply handedOff = compose(new ScriptedModel().calls(AgentTools.HAND_OFF, "{\"reason\":\"unsure\"}")
                .says("A team member will help."), "does your shop run photography workshops for kids?");
        assertThat(handedOff.confidence()).isNaN();
    }

    @Test
    void didYouForgetIsNotJudgedOnItsOwnWordsButAnswersTheForgottenQuestion() {
        List<StoredMessage> messages = new ArrayList<>(conversation("hi", "Hello!", "do you run photography workshops for kids?"));
        StoredMessage again = conversation("x", "y", "did you forget my question?").get(2);
        messages.add(new StoredMessage(again.key(), "m9", "m9", again.direction(), again.type(), again.text(),
                again.sentAt().plusSeconds(600), again.receivedAt().plusSeconds(600), null, null, null, null, again.accounting()));

        ComposedReply reply = compose(new Knowledge(), catalog, new ScriptedModel().says("Sorry! About the workshops..."), messages);

        assertThat(reply.context().forgottenQuestion()).isPresent();
        assertThat(reply.confidence()).isNaN();
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

    @Test
    void aConversationWhoseTurnsNoLongerFitIsMarkedDueForASummaryAndOneThatFitsIsNot() {
        compose(new ScriptedModel().says("Sure."), "hi", "Hello! How can I help?", "do you rent the fx3?");
        assertThat(stores.summaryDue).isEmpty();

        String[] busy = new String[61];
        for (int i = 0; i < 60; i++) {
            busy[i] = "turn " + i + ": we talked at length about lenses, batteries, tripods, deposits and delivery"
                    + " slots for the shoot on the weekend, and about what the package includes this time";
        }
        busy[60] = "so what is the price for 2 days?";
        ComposedReply reply = compose(new ScriptedModel().says("Here is the price."), busy);

        assertThat(reply.context().report().droppedTurns()).isTrue();
        assertThat(stores.summaryDue).containsExactly(KEY);
    }

    @Test
    void whatTheTurnLearnedComesBackWithTheReplyToBeSavedWithItAndNotApart() {
        ComposedReply learned = compose(new ScriptedModel().says("Noted, Ravi."), "my name is Ravi, I need the FX3 tomorrow");
        assertThat(learned.keyFactsToSave()).hasValueSatisfying(facts -> assertThat(facts).contains("name: Ravi"));
        assertThat(stores.savedFacts).isEmpty();

        ComposedReply nothingNew = compose(new ScriptedModel().says("Hello!"), "hi");
        assertThat(nothingNew.keyFactsToSave()).isEmpty();
    }
}
