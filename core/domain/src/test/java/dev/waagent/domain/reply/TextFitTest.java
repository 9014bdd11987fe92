package dev.waagent.domain.reply;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextFitTest {

    @Test
    void shortenCutsAtAWordBoundaryWithAnEllipsis() {
        assertThat(TextFit.shorten("Premium package monthly", 20)).isEqualTo("Premium package…");
        assertThat(TextFit.shorten("Short", 20)).isEqualTo("Short");
        assertThat(TextFit.shorten("  padded  ", 20)).isEqualTo("padded");
        assertThat(TextFit.shorten("Supercalifragilisticexpialidocious", 20)).isEqualTo("Supercalifragilisti…").hasSize(20);
        assertThat(TextFit.shorten("Pickup, delivery, and more", 20)).isEqualTo("Pickup, delivery…");
    }

    @Test
    void shortenNeverSplitsAnEmoji() {
        String emojis = "🚗".repeat(15);
        String shortened = TextFit.shorten(emojis, 20);
        assertThat(shortened.length()).isLessThanOrEqualTo(20);
        assertThat(shortened.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as("no lone surrogate").isTrue();
        assertThat(shortened).isEqualTo("🚗".repeat(9) + "…");
    }

    @Test
    void splitPrefersParagraphsThenSentences() {
        String first = "A".repeat(30) + ". " + "B".repeat(30) + ".";
        String second = "C".repeat(40) + ".";
        List<String> pieces = TextFit.split(first + "\n\n" + second, 70);
        assertThat(pieces).containsExactly(first, second);

        List<String> sentences = TextFit.split("One two three. Four five six. Seven eight nine.", 32);
        assertThat(sentences).containsExactly("One two three. Four five six.", "Seven eight nine.");
    }

    @Test
    void splitDoesNotCutAfterAnAbbreviationOrBeforeLowercase() {
        List<String> pieces = TextFit.split("Bring ID e.g. passport or KTP and more words here. Then pay.", 45);
        assertThat(pieces.get(0)).doesNotEndWith("e.g.");
    }

    @Test
    void splitKeepsCodeBlocksClosedInEveryPiece() {
        String text = "Steps:\n```\n" + "line of code\n".repeat(20) + "```\nDone.";
        List<String> pieces = TextFit.split(text, 100);
        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> {
            assertThat(piece.length()).isLessThanOrEqualTo(100);
            assertThat(piece.split("```", -1).length % 2).as("balanced fences in %s", piece).isEqualTo(1);
        });
    }

    @RepeatedTest(50)
    void splitPiecesFitLoseNoWordAndKeepOrder() {
        Random random = new Random();
        String text = randomText(random, 200 + random.nextInt(12_000));
        int max = 64 + random.nextInt(4096);

        List<String> pieces = TextFit.split(text, max);

        assertThat(pieces).allSatisfy(piece -> assertThat(piece.length()).isBetween(1, max));
        assertThat(String.join(" ", pieces).split("\\s+")).containsExactly(text.strip().split("\\s+"));
    }

    @RepeatedTest(50)
    void splitTailKeepsTheEndingWithinTheLimit() {
        Random random = new Random();
        String text = randomText(random, 1100 + random.nextInt(5000));

        TextFit.Tail tail = TextFit.splitTail(text, 1024);

        assertThat(tail.tail().length()).isBetween(1, 1024);
        String rejoined = (tail.head() + " " + tail.tail().replaceFirst("^…", "")).strip();
        assertThat(rejoined.split("\\s+")).containsExactly(text.strip().split("\\s+"));
    }

    static String randomText(Random random, int length) {
        String[] words = {"the", "Avanza", "is", "available", "tomorrow", "Rp", "350.000", "per", "day", "🚗", "नमस्ते",
                "deposit", "e.g.", "Mobil", "tersedia", "besok", "pagi", "kal", "milegi", "Supercalifragilisticexpialidocious"};
        String[] ends = {".", "!", "?", "", "", "", ",", ":"};
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(words[random.nextInt(words.length)]).append(ends[random.nextInt(ends.length)]);
            int gap = random.nextInt(30);
            out.append(gap == 0 ? "\n\n" : gap == 1 ? "\n" : " ");
        }
        return out.toString();
    }
}
