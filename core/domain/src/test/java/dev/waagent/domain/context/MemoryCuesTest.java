package dev.waagent.domain.context;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.memory.KeyFacts;
import dev.waagent.domain.memory.MemoryCues;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.waagent.domain.context.ContextFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryCuesTest {

    @Test
    void didYouForgetFindsTheLastQuestionLeftWithoutAnAnswer() {
        List<StoredMessage> messages = conversation("is the fx3 free on saturday?", "Hello!", "also do you deliver to Baner?");
        List<StoredMessage> withFollowUp = new java.util.ArrayList<>(messages);
        withFollowUp.addAll(conversation("x", "y", "did you forget my question?").subList(2, 3).stream()
                .map(m -> new StoredMessage(m.key(), "m9", "m9", m.direction(), m.type(), m.text(), m.sentAt().plusSeconds(600),
                        m.receivedAt().plusSeconds(600), null, null, null, null, m.accounting())).toList());
        ConversationSnapshot snapshot = new ConversationSnapshot(Conversation.start(KEY), withFollowUp);

        assertThat(MemoryCues.asksAboutForgottenQuestion("did you forget my question?")).isTrue();
        assertThat(MemoryCues.asksAboutForgottenQuestion("kok belum dijawab?")).isTrue();
        assertThat(MemoryCues.forgottenQuestion(snapshot, withFollowUp.subList(3, 4)))
                .hasValueSatisfying(q -> assertThat(q.text()).isEqualTo("also do you deliver to Baner?"));
    }

    @Test
    void aCustomerBackAfterContextExpiryHasTheirPreviousTopicRestored() {
        List<StoredMessage> messages = conversation("is the fx3 free on saturday?", "Yes it is.", "hi again");
        ConversationMemory memory = new ConversationMemory(null, List.of("item: Sony FX3", "dates: saturday"), null,
                messages.get(1).receivedAt().plusSeconds(1));
        Conversation conversation = new Conversation(KEY, null, ConversationStatus.ACTIVE, null, null, false, null, memory);

        assertThat(MemoryCues.returningTopic(new ConversationSnapshot(conversation, messages), messages.subList(2, 3)))
                .hasValue("Sony FX3, saturday");
        // Within the same working context there is nothing to restore.
        Conversation fresh = new Conversation(KEY, null, ConversationStatus.ACTIVE, null, null, false, null,
                new ConversationMemory(null, memory.keyFacts(), null, null));
        assertThat(MemoryCues.returningTopic(new ConversationSnapshot(fresh, messages), messages.subList(2, 3))).isEmpty();
    }

    @Test
    void keyFactsAreUpsertedByKey() {
        List<String> merged = KeyFacts.merge(List.of("Name: Ravi", "item: Sony FX3", "Ravi shoots weddings"),
                List.of("item: Sony A7S III", "dates: friday"));
        assertThat(merged).containsExactly("Name: Ravi", "Ravi shoots weddings", "item: Sony A7S III", "dates: friday");
        assertThat(KeyFacts.extract("budget 5000 rs, saya Budi dari Bekasi", List.of()))
                .contains("name: Budi", "budget: 5000", "location: Bekasi");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"warnanya apa?", "kilometernya berapa?", "tahunnya berapa?",
            "what's its mileage?", "what colour is it?", "is that one automatic?", "iska rang kya hai?",
            "uski battery kitni chalti hai?"})
    void followUpsAboutTheItemBeingDiscussedAreRecognised(String turn) {
        assertThat(MemoryCues.asksAboutItemInFocus(turn)).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"is your shop haunted?", "jam buka hari minggu?",
            "do you deliver to Kothrud?", "kya ID proof chahiye?", "halo",
            "saya mau bertanya soal pembayaran", "sebenarnya bisa kirim ke Bekasi?", "biasanya buka jam berapa?",
            "apa saya punya diskon?", "is it open on sunday?",
            "do you have a user manual for booking?", "any year end promo?", "kitne saal se business hai?"})
    void questionsNotAboutAnItemAreNot(String turn) {
        assertThat(MemoryCues.asksAboutItemInFocus(turn)).isFalse();
    }
}
