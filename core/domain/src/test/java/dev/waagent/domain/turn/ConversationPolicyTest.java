package dev.waagent.domain.turn;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationPolicyTest {

    private static final ConversationKey KEY = new ConversationKey("t", "c");
    private static final Conversation ACTIVE = Conversation.start(KEY);
    private static final Conversation OPTED_OUT = new Conversation(KEY, null, ConversationStatus.ACTIVE, null, null, true, null);
    private static final Conversation HANDED_OFF = new Conversation(KEY, null, ConversationStatus.HANDED_OFF, null, null, false, "asked");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|OPT_OUT", "stop.|OPT_OUT", "Unsubscribe|OPT_OUT", "berhenti|OPT_OUT", "band karo|OPT_OUT",
            "Dapatkan pulsa gratis, klik bit.ly/abc|SPAM", "Selamat anda memenangkan hadiah undian|SPAM",
            "I want to talk to a human|HANDOFF", "can I speak with the manager?|HANDOFF", "mau bicara dengan admin|HANDOFF",
            "manager se baat karni hai|HANDOFF", "This is the worst service, total scam|HANDOFF",
            "Is the FX3 available tomorrow?|ANSWER", "kya A7S III kal milega?|ANSWER", "halo kak, innova reborn masih ada?|ANSWER",
            "please stop the rental on Friday|ANSWER", "start|ANSWER"})
    void activeConversationsAreRoutedByRule(String text, TurnRoute expected) {
        assertThat(ConversationPolicy.route(ACTIVE, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"hello?", "do you have lights", "talk to a human"})
    void anOptedOutCustomerIsNeverAnsweredUntilStart(String text) {
        assertThat(ConversationPolicy.route(OPTED_OUT, text)).isEqualTo(TurnRoute.OPTED_OUT_SILENT);
        assertThat(ConversationPolicy.route(OPTED_OUT, "START")).isEqualTo(TurnRoute.OPT_IN);
        assertThat(ConversationPolicy.route(OPTED_OUT, "STOP")).isEqualTo(TurnRoute.OPT_OUT);
    }

    @ParameterizedTest
    @CsvSource({"hello?", "price for 2 days", "talk to a human"})
    void whileAPersonOwnsTheConversationTheBotStaysSilent(String text) {
        assertThat(ConversationPolicy.route(HANDED_OFF, text)).isEqualTo(TurnRoute.HANDED_OFF_SILENT);
    }
}
