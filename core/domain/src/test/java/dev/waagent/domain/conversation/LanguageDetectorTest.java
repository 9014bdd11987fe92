package dev.waagent.domain.conversation;

import dev.waagent.domain.channel.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private static final ConversationKey KEY = new ConversationKey("jakarta", "6281311112222");
    private static final Instant START = Instant.parse("2026-12-06T03:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "harganya brp?|id",
            "kilometernya berapa|id",
            "warnanya apa kak|id",
            "gmn caranya kredit|id",
            "a7s3 ka 2 din ka kitna hoga|hi",
            "kal tak wapas kar dunga|hi",
            "what would 3 days cost|en",
            "does the fx3 come with batteries|en",
            "कल मिलेगा?|hi"})
    void aTellingWordDecidesTheLanguage(String text, String language) {
        assertThat(LanguageDetector.detect(text).getLanguage()).isEqualTo(language);
    }

    @Test
    void aMessageWithNoTellingWordKeepsTheLanguageTheCustomerWroteInBefore() {
        ConversationSnapshot bahasa = snapshot("halo kak, avanza 2019 masih ada?", "ok");
        ConversationSnapshot hinglish = snapshot("bhaiya fx3 milega kya kal", "FX3 2x?");

        assertThat(LanguageDetector.detect("ok", bahasa, List.of("en"))).isEqualTo(LanguageDetector.INDONESIAN);
        assertThat(LanguageDetector.detect("FX3 2x?", hinglish, List.of("en", "hi"))).isEqualTo(LanguageDetector.HINDI);
    }

    @Test
    void withNothingToGoByTheBusinessesFirstLanguageIsUsed() {
        ConversationSnapshot empty = snapshot();

        assertThat(LanguageDetector.detect("ok 👍", empty, List.of("id", "en"))).isEqualTo(LanguageDetector.INDONESIAN);
        assertThat(LanguageDetector.detect("ok 👍", empty, List.of("en", "hi"))).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageDetector.detect("ok 👍", null, List.of())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theTurnsOwnWordsWinOverTheConversationsEarlierLanguage() {
        ConversationSnapshot bahasa = snapshot("halo kak, avanza 2019 masih ada?");

        assertThat(LanguageDetector.detect("can you tell me the price in english please", bahasa, List.of("id")))
                .isEqualTo(Locale.ENGLISH);
    }

    private static ConversationSnapshot snapshot(String... inbound) {
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < inbound.length; i++) {
            Instant at = START.plusSeconds(60L * i);
            messages.add(new StoredMessage(KEY, "m" + i, "wamid." + i, Direction.INBOUND, MessageType.TEXT, inbound[i],
                    at, at, null, null, null, null, null));
            messages.add(new StoredMessage(KEY, "r" + i, "wamid.r" + i, Direction.OUTBOUND, MessageType.TEXT, "reply " + i,
                    at.plusSeconds(5), at.plusSeconds(5), null, "t" + i, null, null, null));
        }
        return new ConversationSnapshot(new Conversation(KEY, null, null, null, null, false, null), messages);
    }
}
