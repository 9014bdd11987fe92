package dev.waagent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalResponderTest {

    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");

    private static TokenCounter tokenCounter;
    private static LocalResponder responder;

    @BeforeAll
    static void setUp() {
        tokenCounter = new TokenCounter();
        responder = new LocalResponder(tokenCounter);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} greeting")
    @CsvSource(delimiter = '|', value = {
            "hi                | Hello! How can we help you today?",
            "Hello there 👋     | Hello! How can we help you today?",
            "hiiii             | Hello! How can we help you today?",
            "good morning sir  | Hello! How can we help you today?",
            "namaste ji        | Namaste! Bataiye, hum aapki kya madad kar sakte hain?",
            "नमस्ते             | नमस्ते! बताइए, हम आपकी क्या मदद कर सकते हैं?",
            "halo kak          | Halo kak! Ada yang bisa kami bantu?",
            "Selamat pagi kak! | Halo kak! Ada yang bisa kami bantu?",
    })
    void greetingGetsAGreetingAndAnOfferToHelpInTheCustomersLanguage(String message, String expected) {
        LlmResponse response = responder.complete(requestFor(message));

        assertThat(response.text()).isEqualTo(expected);
        assertThat(response.needsHuman()).isFalse();
        assertThat(response.text()).doesNotContainPattern(DIGIT);
    }

    @Test
    void englishQuestionGetsAnEnglishHoldingReplyAndAHuman() {
        LlmResponse response = responder.complete(requestFor("Is the Fortuner available tomorrow? What's the price?"));

        assertThat(response.text()).isEqualTo("Thanks for your message! Our team will get back to you shortly.");
        assertThat(response.needsHuman()).isTrue();
    }

    @Test
    void hinglishQuestionGetsARomanizedHinglishHoldingReply() {
        LlmRequest request = requestFor("kya FX3 available hai kal?");
        assertThat(request.language()).isEqualTo(LanguageDetector.HINDI);

        LlmResponse response = responder.complete(request);

        assertThat(response.text()).isEqualTo("Aapke message ke liye dhanyavaad! Hamari team jald hi aapko reply karegi.");
        assertThat(response.text()).doesNotContainPattern(DEVANAGARI);
        assertThat(response.needsHuman()).isTrue();
    }

    @Test
    void devanagariQuestionGetsADevanagariHoldingReply() {
        LlmResponse response = responder.complete(requestFor("क्या कल इनोवा गाड़ी मिलेगी?"));

        assertThat(response.text()).isEqualTo("आपके संदेश के लिए धन्यवाद! हमारी टीम जल्द ही आपको जवाब देगी।");
        assertThat(response.needsHuman()).isTrue();
    }

    @Test
    void bahasaQuestionGetsABahasaHoldingReply() {
        LlmRequest request = requestFor("halo kak, mobil innova masih ada?");
        assertThat(request.language()).isEqualTo(LanguageDetector.INDONESIAN);

        LlmResponse response = responder.complete(request);

        assertThat(response.text()).isEqualTo("Terima kasih atas pesannya, kak! Tim kami akan segera membalas.");
        assertThat(response.needsHuman()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "hi", "kya FX3 available hai kal?", "halo kak, mobil innova masih ada?", "FX3 ka rent kitna hai per day?",
            "berapa harga sewa innova 3 hari?", "How much for 2 days? Is 5000 ok?", "क्या कल गाड़ी मिलेगी? कितने रुपये?",
            "hi, what is the price of the Fortuner?"})
    void neverQuotesAPriceOrAnyNumber(String message) {
        LlmResponse response = responder.complete(requestFor(message));

        assertThat(response.text()).isNotBlank().doesNotContainPattern(DIGIT);
        assertThat(response.text()).doesNotContain("₹", "Rp", "$");
    }

    @Test
    void greetingWithAQuestionIsNotJustAGreeting() {
        assertThat(responder.complete(requestFor("hi, is the FX3 free tomorrow?")).needsHuman()).isTrue();
        assertThat(responder.complete(requestFor("halo kak, mobil innova masih ada?")).needsHuman()).isTrue();
    }

    @Test
    void reportsItselfAsLocalWithEstimatedUsage() {
        LlmRequest request = requestFor("kya FX3 available hai kal?");

        LlmResponse response = responder.complete(request);

        assertThat(response.provider()).isEqualTo("local");
        assertThat(responder.name()).isEqualTo("local");
        assertThat(response.model()).isEqualTo("local-holding-reply");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage().estimated()).isTrue();
        assertThat(response.usage().promptTokens()).isEqualTo(tokenCounter.count(request.messages()));
        assertThat(response.usage().completionTokens()).isEqualTo(tokenCounter.count(response.text()));
        assertThat(response.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void unsupportedLanguageFallsBackToEnglish() {
        LlmRequest request = new LlmRequest("tenant-1", List.of(ChatMessage.user("Bonjour, la voiture est libre ?")),
                List.of(), 200, 0.2, Duration.ofSeconds(1), Locale.FRENCH);

        assertThat(responder.complete(request).text())
                .isEqualTo("Thanks for your message! Our team will get back to you shortly.");
    }

    @Test
    void neverThrowsOnOddInput() {
        List<LlmRequest> odd = new ArrayList<>();
        odd.add(new LlmRequest("t", List.of(), List.of(), 0, 0, Duration.ZERO, null));
        odd.add(new LlmRequest("t", List.of(ChatMessage.system("only a system prompt")), null, 0, 0, Duration.ZERO, null));
        odd.add(new LlmRequest("t", List.of(ChatMessage.user(null)), null, 0, 0, Duration.ZERO, LanguageDetector.HINDI));
        odd.add(new LlmRequest("t", List.of(ChatMessage.user("🙏🙏🙏")), null, 0, 0, Duration.ofSeconds(-5), null));
        odd.add(new LlmRequest("t", List.of(ChatMessage.user("<|endoftext|>" + "x".repeat(50_000))), null, 0, 0,
                Duration.ZERO, LanguageDetector.INDONESIAN));
        odd.add(null);

        for (LlmRequest request : odd) {
            LlmResponse response = responder.complete(request);
            assertThat(response.text()).isNotBlank().doesNotContainPattern(DIGIT);
            assertThat(response.needsHuman()).isTrue();
            assertThat(response.provider()).isEqualTo("local");
        }
    }

    @Test
    void confidentKnowledgeAnswerIsGivenWithoutAHandoff() {
        LocalResponder withKnowledge = new LocalResponder(tokenCounter,
                request -> Optional.of("We are open every day from nine to nine."));

        LlmResponse response = withKnowledge.complete(requestFor("what are your opening hours?"));

        assertThat(response.text()).isEqualTo("We are open every day from nine to nine.");
        assertThat(response.model()).isEqualTo("local-knowledge-answer");
        assertThat(response.needsHuman()).isFalse();
    }

    @Test
    void failingKnowledgeAnswererFallsBackToTheHoldingReply() {
        LocalResponder withBrokenKnowledge = new LocalResponder(tokenCounter, request -> {
            throw new IllegalStateException("index not loaded");
        });

        LlmResponse response = withBrokenKnowledge.complete(requestFor("halo kak, mobil innova masih ada?"));

        assertThat(response.text()).isEqualTo("Terima kasih atas pesannya, kak! Tim kami akan segera membalas.");
        assertThat(response.needsHuman()).isTrue();
    }

    @Test
    void noKnowledgeAnswererByDefault() {
        assertThat(KnowledgeAnswerer.none().answer(requestFor("hours?"))).isEmpty();
    }

    /** As the conversation layer builds it: language detected from the customer's text. */
    private static LlmRequest requestFor(String customerText) {
        return new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You are the assistant of Sharma Travels."), ChatMessage.user(customerText)),
                List.of(), 200, 0.2, Duration.ofSeconds(2), LanguageDetector.detect(customerText));
    }
}
