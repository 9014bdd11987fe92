package dev.waagent.domain.handoff;

import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.Direction;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.knowledge.HandoffRules;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.GenerationSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffDecisionTest {

    private static final HandoffDecision DECISION = new HandoffDecision();
    private static final HandoffRules RULES = new HandoffRules(List.of("price negotiation", "refund", "damage"), 2, true);
    private static final ZoneId PUNE = ZoneId.of("Asia/Kolkata");
    private static final ConversationKey KEY = new ConversationKey("pune", "919812345678");

    @ParameterizedTest
    @ValueSource(strings = {"can I talk to a human", "I want to speak with the manager", "customer care please",
            "mau bicara dengan admin", "minta cs dong", "kisi se baat karni hai"})
    void aCustomerAskingForAPersonIsHandedOff(String text) {
        assertThat(DECISION.beforeReply(text, RULES)).contains(new Handoff(HandoffReason.CUSTOMER_REQUEST, null));
    }

    @Test
    void aTenantMayKeepTheBotOnWhenACustomerAsksForAPerson() {
        HandoffRules botKeepsGoing = new HandoffRules(List.of(), 2, false);
        assertThat(DECISION.beforeReply("can I talk to a human", botKeepsGoing)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is the worst service, a scam", "saya sangat kecewa, penipu", "bakwas service hai",
            "I want to complain", "the gimbal you gave me was broken, very bad experience", "the lens arrived scratched",
            "your delivery guy was 2 hours late", "the battery doesn't work", "camera ki screen tooti hui thi",
            "lens kharab nikla", "mobilnya bocor oli", "AC mobilnya tidak berfungsi", "why was the tripod broken?",
            "mobil yang saya beli kemarin ternyata mogok", "the drone came 1 day late and the battery was dead",
            "the lens is broken", "it's broken", "the battery is dead", "the screen is cracked"})
    void complaintsAndAngerAreHandedOffWhateverTheTenantSays(String text) {
        assertThat(DECISION.beforeReply(text, new HandoffRules(List.of(), 2, false)))
                .contains(new Handoff(HandoffReason.COMPLAINT, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"is the price negotiable?", "bisa nego harga?", "any discount for 3 days", "thoda kam karo na",
            "what is your best price"})
    void priceNegotiationIsHumanOnlyWhenTheTenantSaysSo(String text) {
        assertThat(DECISION.beforeReply(text, RULES)).contains(new Handoff(HandoffReason.HUMAN_ONLY_TOPIC, "price negotiation"));
        assertThat(DECISION.beforeReply(text, HandoffRules.defaults())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I need a refund for the lens", "when are refunds processed", "can I get my money back",
            "uang kembali kapan?"})
    void refundsAreHumanOnly(String text) {
        assertThat(DECISION.beforeReply(text, RULES)).contains(new Handoff(HandoffReason.HUMAN_ONLY_TOPIC, "refund"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"is the deposit refundable?", "do you have the FX3 tomorrow?", "how much for two days",
            "the camera has no damages? ok", "is it working fine?", "is the lens scratched anywhere?",
            "what if it breaks during the shoot", "kharab hone par kya hota hai", "kalau rusak gimana?",
            "What happens if I return it 2 hours late?", "what is the late fee if I am 1 day late",
            "what happens if the lens gets scratched?", "Which panels are scratched?",
            "agar lens toot gaya toh kitna charge lagega?", "agar camera kharab ho gaya to kya hoga?",
            "kalau mobilnya rusak di jalan gimana?", "apakah ada bagian yang rusak?", "ada lecet gak kak?",
            "pernah mogok?", "AC nya dingin? ada yang bocor?", "sorry I got the date wrong, make it sunday",
            "I was missing your call", "Was it ever scratched or repainted?", "is it broken?"})
    void ordinaryQuestionsStayWithTheBot(String text) {
        if (text.contains("damages")) {
            // "damages" is the topic with a plural ending: a person handles it.
            assertThat(DECISION.beforeReply(text, RULES)).contains(new Handoff(HandoffReason.HUMAN_ONLY_TOPIC, "damage"));
        } else {
            assertThat(DECISION.beforeReply(text, RULES)).isEmpty();
        }
    }

    @Test
    void theModelAsksForAPersonThroughTheHandOffToolOrTheSignal() {
        LlmResponse toolCall = response(List.of(new ToolCall("c1", HandoffDecision.HAND_OFF_TOOL, "{\"reason\":\"custom quote\"}")));
        assertThat(DECISION.afterReply(List.of(), toolCall, GenerationSignals.NONE, 0.55, RULES))
                .map(Handoff::reason).contains(HandoffReason.MODEL_REQUEST);
        assertThat(DECISION.afterReply(List.of(), response(List.of()), GenerationSignals.handOff("custom quote"), 0.55, RULES))
                .contains(new Handoff(HandoffReason.MODEL_REQUEST, "custom quote"));
    }

    @Test
    void consecutiveLowConfidenceAnswersReachTheTenantsLimit() {
        List<StoredMessage> history = new ArrayList<>();
        history.add(inbound("q1", 0));
        assertThat(DECISION.afterReply(history, response(List.of()), GenerationSignals.confidence(0.2), 0.55, RULES))
                .as("the first unsure answer still goes out").isEmpty();
        history.add(outbound("a1", 1, true, "openai"));
        history.add(inbound("q2", 2));
        assertThat(DECISION.afterReply(history, response(List.of()), GenerationSignals.confidence(0.2), 0.55, RULES))
                .contains(new Handoff(HandoffReason.LOW_CONFIDENCE, null));
        assertThat(DECISION.afterReply(history, response(List.of()), GenerationSignals.confidence(0.9), 0.55, RULES))
                .as("a confident answer breaks the streak").isEmpty();
        assertThat(DECISION.afterReply(history, response(List.of()), GenerationSignals.NONE, 0.55, RULES))
                .as("an unknown confidence is not low").isEmpty();
    }

    @Test
    void aJudgedConfidentAnswerInBetweenResetsTheStreakAndRuleRepliesDoNotCount() {
        List<StoredMessage> history = List.of(outbound("a1", 0, true, "openai"), outbound("a2", 1, false, "openai"),
                outbound("a3", 2, false, "policy"), inbound("q", 3));
        assertThat(HandoffDecision.lowConfidenceStreak(history)).isZero();
        assertThat(HandoffDecision.lowConfidenceStreak(List.of(outbound("a1", 0, true, "openai"),
                outbound("p", 1, false, "policy"), outbound("a2", 2, true, "groq")))).isEqualTo(2);
    }

    @Test
    void aGreetingOrAPriceQuoteBetweenTwoUnsureAnswersLeavesTheStreakAsItIs() {
        List<StoredMessage> history = List.of(inbound("q1", 0), outbound("a1", 1, true, "openai"),
                inbound("hi", 2), notJudged("hello", 3), inbound("price?", 4), notJudged("quote", 5), inbound("q2", 6));

        assertThat(HandoffDecision.lowConfidenceStreak(history)).isEqualTo(1);
        assertThat(DECISION.afterReply(history, response(List.of()), GenerationSignals.confidence(0.2), 0.55, RULES))
                .as("the second unsupported answer hands off").contains(new Handoff(HandoffReason.LOW_CONFIDENCE, null));
        assertThat(DECISION.afterReply(history, response(List.of()), GenerationSignals.NONE, 0.55, RULES))
                .as("a turn that is not judged never hands off for confidence").isEmpty();
    }

    @Test
    void anUnsureAnswerSentInSeveralPartsCountsOnce() {
        List<StoredMessage> history = List.of(outbound("a1#0", "turn-1", 0, true, "openai", 0.2),
                outbound("a1#1", "turn-1", 0, true, "openai", 0.2), inbound("q2", 1));

        assertThat(HandoffDecision.lowConfidenceStreak(history)).isEqualTo(1);
        assertThat(HandoffDecision.lowConfidenceStreak(List.of(outbound("a0", "turn-0", 0, true, "openai", 0.1),
                outbound("a1#0", "turn-1", 1, true, "openai", 0.2), outbound("a1#1", "turn-1", 1, true, "openai", 0.2))))
                .isEqualTo(2);
    }

    @Test
    void outsideOpeningHoursTheCustomerIsToldWhenAPersonReplies() {
        Tenant tenant = tenant(OpeningHours.parse(Map.of("mon", "10:00-20:00", "tue", "10:00-20:00", "sat", "10:00-20:00",
                "sun", "closed")));
        Instant mondayNight = LocalDateTime.of(2026, 12, 7, 22, 30).atZone(PUNE).toInstant();
        assertThat(DECISION.customerNotice(tenant, new Handoff(HandoffReason.CUSTOMER_REQUEST, null), LanguageDetector.detect("talk to a human"), mondayNight))
                .isEqualTo("Sure, I'm passing you to our team. We're closed right now: a person will reply here tomorrow at 10:00.");
        Instant saturdayNight = LocalDateTime.of(2026, 12, 5, 21, 0).atZone(PUNE).toInstant();
        assertThat(DECISION.customerNotice(tenant, new Handoff(HandoffReason.COMPLAINT, null), LanguageDetector.detect("worst service"), saturdayNight))
                .endsWith("a person will reply here on Monday at 10:00.");
        Instant mondayMorning = LocalDateTime.of(2026, 12, 7, 8, 0).atZone(PUNE).toInstant();
        assertThat(DECISION.customerNotice(tenant, new Handoff(HandoffReason.CUSTOMER_REQUEST, null), LanguageDetector.detect("talk to a human"), mondayMorning))
                .endsWith("a person will reply here today at 10:00.");
    }

    @Test
    void theNoticeIsInTheCustomersLanguage() {
        Tenant tenant = tenant(OpeningHours.parse(Map.of("mon", "09:00-18:00", "tue", "09:00-18:00")));
        Instant mondayNight = LocalDateTime.of(2026, 12, 7, 22, 30).atZone(PUNE).toInstant();
        assertThat(DECISION.customerNotice(tenant, new Handoff(HandoffReason.CUSTOMER_REQUEST, null), LanguageDetector.detect("mau bicara dengan admin dong"),
                mondayNight)).isEqualTo("Baik, saya sambungkan dengan tim kami. Tim kami sedang tutup sekarang; seseorang akan membalas "
                + "di chat ini besok pukul 09.00.");
        assertThat(DECISION.customerNotice(tenant, new Handoff(HandoffReason.CUSTOMER_REQUEST, null), LanguageDetector.detect("mujhe kisi se baat karni hai"),
                mondayNight)).endsWith("koi kal 09:00 baje isi chat mein reply karega.");
    }

    @Test
    void insideOpeningHoursOrWithUnknownHoursNoTimeIsPromised() {
        Instant mondayNoon = LocalDateTime.of(2026, 12, 7, 12, 0).atZone(PUNE).toInstant();
        Tenant open = tenant(OpeningHours.parse(Map.of("mon", "10:00-20:00")));
        assertThat(DECISION.customerNotice(open, new Handoff(HandoffReason.HUMAN_ONLY_TOPIC, "refund"), LanguageDetector.detect("refund please"), mondayNoon))
                .isEqualTo("Our team handles this personally, so I've passed it on. A person will reply here as soon as they can.");
        Tenant unknown = tenant(OpeningHours.UNKNOWN);
        assertThat(DECISION.customerNotice(unknown, new Handoff(HandoffReason.LOW_CONFIDENCE, null), LanguageDetector.detect("hmm"), mondayNoon.plus(Duration.ofHours(12))))
                .endsWith("A person will reply here as soon as they can.");
    }

    @Test
    void staffGetThreeLinesWithTheCustomersNumberTheReasonAndHowToAnswer() {
        Conversation conversation = new Conversation(KEY, "Ravi", null, null, null, false, null);
        String summary = DECISION.staffSummary(tenant(OpeningHours.UNKNOWN), conversation,
                new Handoff(HandoffReason.HUMAN_ONLY_TOPIC, "refund"), "I need a refund\nfor the lens");
        assertThat(summary.split("\n")).containsExactly(
                "Handoff at Pune Camera Rentals: Ravi +919812345678, human-only topic: refund.",
                "Wrote: \"I need a refund for the lens\"",
                "Answer with /reply 5678 <text>; give back to the bot with /resume 5678.");
    }

    @Test
    void staffOfAnIndonesianBusinessGetTheSummaryInBahasa() {
        Tenant jakarta = new Tenant("jkt", "Jakarta Mobil Bekas", "whatsapp", "2", null, null, null, "Dewi", "", "",
                ZoneId.of("Asia/Jakarta"), List.of("id", "en"), List.of(), true, List.of(), OpeningHours.UNKNOWN, List.of());
        Conversation conversation = new Conversation(new ConversationKey("jkt", "6281234567890"), "Budi", null, null, null, false, null);
        assertThat(DECISION.staffSummary(jakarta, conversation, new Handoff(HandoffReason.COMPLAINT, null), "saya kecewa").split("\n"))
                .containsExactly("Dialihkan ke staf Jakarta Mobil Bekas: Budi +6281234567890, komplain.",
                        "Pesan: \"saya kecewa\"",
                        "Jawab dengan /balas 7890 <teks>; serahkan ke bot dengan /kembalikan 7890.");
    }

    @Test
    void staffOfAHindiFirstBusinessGetTheSummaryInHinglish() {
        Tenant lucknow = new Tenant("lko", "Lucknow Cameras", "whatsapp", "3", null, null, null, "Asha", "", "",
                PUNE, List.of("hi", "en"), List.of(), true, List.of(), OpeningHours.UNKNOWN, List.of());
        Conversation conversation = new Conversation(KEY, "Ravi", null, null, null, false, null);
        assertThat(DECISION.staffSummary(lucknow, conversation, new Handoff(HandoffReason.CUSTOMER_REQUEST, null),
                "kisi se baat karni hai").split("\n"))
                .containsExactly("Staff ke liye, Lucknow Cameras: Ravi +919812345678, customer ne staff se baat maangi.",
                        "Likha: \"kisi se baat karni hai\"",
                        "Jawab: /jawab 5678 <text>; bot ko wapas: /chalu 5678.");
    }

    private static Tenant tenant(OpeningHours hours) {
        return new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1", null, null, null, "Asha", "", "", PUNE,
                List.of("en"), List.of(), true, List.of(), hours, List.of());
    }

    private static LlmResponse response(List<ToolCall> calls) {
        return new LlmResponse("openai", "gpt", "text", calls, null, Duration.ZERO, false);
    }

    private static StoredMessage inbound(String id, int minute) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z").plusSeconds(minute * 60L);
        return new StoredMessage(KEY, id, id, Direction.INBOUND, MessageType.TEXT, "q", at, at, "t", null, null, null, null);
    }

    /** A judged answer: unsure (0.2) or confident (0.9). */
    private static StoredMessage outbound(String id, int minute, boolean needsHuman, String provider) {
        return outbound(id, id, minute, needsHuman, provider, needsHuman ? 0.2 : 0.9);
    }

    /** An answer that was not judged on confidence (a greeting, a price quote). */
    private static StoredMessage notJudged(String id, int minute) {
        return outbound(id, id, minute, false, "openai", Double.NaN);
    }

    private static StoredMessage outbound(String id, String turnId, int minute, boolean needsHuman, String provider,
                                          double confidence) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z").plusSeconds(minute * 60L);
        ReplyAccounting accounting = new ReplyAccounting(provider, null, 0, 0, 0, 0, needsHuman, 0, false, null, null)
                .withConfidence(confidence);
        return new StoredMessage(KEY, id, id, Direction.OUTBOUND, MessageType.TEXT, "a", at, at, null, turnId,
                DeliveryState.SENT, null, accounting);
    }
}
