package dev.waagent.domain.intent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The similarity stages' training data: every intent covered, and kept apart from the test sets. */
class IntentExemplarsTest {

    @Test
    void everyIntentHasAtLeastADozenExemplars() {
        Map<Intent, Integer> counts = new EnumMap<>(Intent.class);
        IntentExemplars.shipped().forEach(exemplar -> counts.merge(exemplar.intent(), 1, Integer::sum));

        assertThat(counts.keySet()).containsExactlyInAnyOrder(Intent.values());
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(12));
    }

    @Test
    void noExemplarIsAMessageOfAnyTestSet() throws IOException {
        Set<String> labelled = testMessages("/intents/labelled-messages.tsv");
        Set<String> heldOut = testMessages("/intents/held-out-messages.tsv");
        Set<String> paraphrases = testMessages("/intents/paraphrase-messages.tsv");
        Set<String> sealed = testMessages("/intents/sealed-messages.tsv");

        assertThat(labelled).hasSizeGreaterThanOrEqualTo(200);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(50).doesNotContainAnyElementsOf(labelled);
        assertThat(paraphrases).hasSizeGreaterThanOrEqualTo(400).doesNotContainAnyElementsOf(labelled)
                .doesNotContainAnyElementsOf(heldOut);
        assertThat(IntentExemplars.shipped()).noneMatch(exemplar -> labelled.contains(normalized(exemplar.text()))
                || heldOut.contains(normalized(exemplar.text())) || paraphrases.contains(normalized(exemplar.text()))
                || sealed.contains(normalized(exemplar.text())));
        assertThat(sealed).hasSize(150);
    }

    private Set<String> testMessages(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> normalized(line.split("\t")[0])).collect(Collectors.toSet());
        }
    }

    @Test
    void aLineWithoutTextIsRefused() {
        assertThatThrownBy(() -> IntentExemplars.parse("GREETING\t \n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntentExemplars.parse("WEATHER\thow hot is it")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
