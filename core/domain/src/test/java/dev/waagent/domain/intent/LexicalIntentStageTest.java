package dev.waagent.domain.intent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model-free similarity stage: character n-grams of the shipped exemplars, any language. */
class LexicalIntentStageTest {

    private final LexicalIntentStage stage = new LexicalIntentStage(IntentExemplars.shipped(), IntentSettings.defaults());

    @Test
    void aHinglishOrBahasaMessageCloseInSpellingToExemplarsOfOneIntentGetsAConfidentVote() {
        assertThat(stage.vote("meri booking ka status kya hua bhai")).hasValueSatisfying(vote -> {
            assertThat(vote.top()).isEqualTo(Intent.ORDER_STATUS);
            assertThat(vote.confident()).isTrue();
        });
        assertThat(stage.vote("mesinnya kecewa banget, mogok terus")).hasValueSatisfying(vote -> {
            assertThat(vote.top()).isEqualTo(Intent.COMPLAINT);
            assertThat(vote.confident()).isTrue();
        });
    }

    @Test
    void wordsNoExemplarSharesGiveNoConfidentVote() {
        assertThat(stage.vote("zxqv wplm")).hasValueSatisfying(vote -> assertThat(vote.confident()).isFalse());
    }

    @Test
    void aMessageWithoutWordsHasNoVote() {
        assertThat(stage.vote("👍")).isEmpty();
        assertThat(stage.vote("  ")).isEmpty();
    }

    @Test
    void leftOutOfItsExemplarsOneAtATimeItIsMostlyRightWhenConfident() {
        List<IntentExemplars.Exemplar> all = IntentExemplars.shipped();
        int confident = 0;
        int right = 0;
        for (int i = 0; i < all.size(); i++) {
            List<IntentExemplars.Exemplar> rest = new ArrayList<>(all);
            IntentExemplars.Exemplar held = rest.remove(i);
            SimilarityVote vote = new LexicalIntentStage(rest, IntentSettings.defaults()).vote(held.text()).orElseThrow();
            if (vote.confident()) {
                confident++;
                right += vote.top() == held.intent() ? 1 : 0;
            }
        }
        // The thresholds were chosen as the widest cover at which leave-one-out is about 90% right (chance: 1 in 9).
        assertThat(100.0 * right / confident).isGreaterThanOrEqualTo(85.0);
        assertThat(100.0 * confident / all.size()).isGreaterThanOrEqualTo(30.0);
    }
}
