package dev.waagent.domain.reply;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair rules over many generated replies: oversized, empty, duplicated, marked-up, multilingual. */
class ReplyRepairPropertiesTest {

    private static final int CASES = 5_000;
    private static final String[] WORDS = {"Avanza", "Rp", "350.000/day", "**bold**", "_it_", "🚗", "🙏🏽", "नमस्ते", "कल",
            "mobil", "tersedia", "besok", "kal", "milegi", "deposit", "e.g.", "Supercalifragilisticexpialidocious", "#1",
            "[link](https://ex.com/a_b)", "`code`", "~~old~~", "yes", "no", "-", "•"};

    private final ReplyRepair repair = new ReplyRepair();

    @Test
    void everyGeneratedReplyRepairsIntoValidPartsWithoutFallingBackToText() {
        Random random = new Random(20260115L);
        Map<RepairKind, Integer> seen = new EnumMap<>(RepairKind.class);
        for (int i = 0; i < CASES; i++) {
            Reply reply = randomReply(random);

            RepairResult result = repair.repair(reply);

            assertThat(result.parts()).as("case %d: %s", i, reply).allSatisfy(part -> {
                assertThat(ReplyValidator.violations(part.content())).isEmpty();
                if (!(part.content() instanceof Reply.Card)) {
                    assertThat(part.asText()).isNotBlank();
                }
            });
            assertThat(result.parts()).extracting(OutboundPart::index).isEqualTo(indexes(result.parts().size()));
            assertThat(result.repairs()).as("case %d: %s", i, reply).doesNotContain(RepairKind.FALLBACK_TO_TEXT);
            result.repairs().forEach(kind -> seen.merge(kind, 1, Integer::sum));
            // Repairing a repaired part changes nothing.
            for (OutboundPart part : result.parts()) {
                RepairResult again = repair.repair(part.content());
                assertThat(again.repairs()).as("again case %d: %s", i, part).isEmpty();
                assertThat(again.parts()).singleElement().extracting(OutboundPart::content).isEqualTo(part.content());
            }
        }
        // The generator reaches every rule but the ones only a bug or bad configuration can trigger.
        assertThat(seen.keySet()).containsAll(List.of(RepairKind.TEXT_SPLIT, RepairKind.BODY_SPLIT, RepairKind.BUTTON_TITLE_SHORTENED,
                RepairKind.BUTTON_TITLES_DEDUPED, RepairKind.BUTTONS_TO_LIST, RepairKind.LIST_TO_TEXT, RepairKind.ROW_TITLE_SHORTENED,
                RepairKind.ROW_DESCRIPTION_SHORTENED, RepairKind.HEADER_SHORTENED, RepairKind.FOOTER_SHORTENED,
                RepairKind.MARKDOWN_STRIPPED, RepairKind.IDS_FIXED, RepairKind.CAPTION_SPLIT, RepairKind.TEMPLATE_PARAMETER_FIXED));
    }

    @Test
    void textIsNeverLostWhenSplit() {
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            String text = words(random, 1 + random.nextInt(2500));
            RepairResult result = repair.repair(new Reply.Text(text));
            String rejoined = String.join(" ", result.parts().stream().map(OutboundPart::asText).toList());
            assertThat(rejoined.split("\\s+")).containsExactly(text.strip().split("\\s+"));
        }
    }

    private static List<Integer> indexes(int size) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(i);
        }
        return out;
    }

    static Reply randomReply(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new Reply.Text(words(random, 1 + random.nextInt(random.nextBoolean() ? 60 : 1500)));
            case 1 -> new Reply.Buttons(maybe(random, 15), words(random, random.nextInt(random.nextBoolean() ? 30 : 400)),
                    maybe(random, 15), buttons(random, random.nextInt(6)));
            case 2 -> {
                List<ListSection> sections = new ArrayList<>();
                int count = 1 + random.nextInt(random.nextBoolean() ? 2 : 4);
                for (int s = 0; s < count; s++) {
                    List<ListRow> rows = new ArrayList<>();
                    int n = random.nextInt(random.nextBoolean() ? 5 : 9);
                    for (int r = 0; r < n; r++) {
                        rows.add(new ListRow(id(random), words(random, 1 + random.nextInt(7)),
                                random.nextBoolean() ? null : words(random, random.nextInt(20))));
                    }
                    sections.add(new ListSection(random.nextBoolean() ? null : words(random, 1 + random.nextInt(6)), rows));
                }
                yield new Reply.ListMenu(maybe(random, 15), words(random, random.nextInt(random.nextBoolean() ? 30 : 400)),
                        maybe(random, 15), random.nextBoolean() ? null : words(random, 1 + random.nextInt(6)), sections);
            }
            case 3 -> new Reply.Card(random.nextInt(10) == 0 ? new MediaRef("not a url", null)
                    : random.nextBoolean() ? MediaRef.link("https://img.example.com/" + random.nextInt(100) + ".jpg") : MediaRef.uploaded("14795371396509" + random.nextInt(10)),
                    words(random, random.nextInt(random.nextBoolean() ? 30 : 400)), maybe(random, 15),
                    random.nextBoolean() ? List.of() : buttons(random, random.nextInt(5)));
            default -> {
                List<String> parameters = new ArrayList<>();
                for (int p = random.nextInt(4); p > 0; p--) {
                    parameters.add(random.nextInt(5) == 0 ? "" : words(random, 1 + random.nextInt(8)) + (random.nextBoolean() ? "\n\t      x" : ""));
                }
                yield new TemplateMessage("booking_reminder", random.nextBoolean() ? "en_US" : "id", parameters);
            }
        };
    }

    private static List<ReplyButton> buttons(Random random, int count) {
        List<ReplyButton> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = random.nextInt(4) == 0 && !out.isEmpty() ? out.get(0).title() : words(random, 1 + random.nextInt(5));
            out.add(new ReplyButton(random.nextInt(6) == 0 && !out.isEmpty() ? out.get(0).id() : id(random), title));
        }
        return out;
    }

    private static String id(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> " padded ";
            case 2 -> "x".repeat(300);
            default -> "opt_" + random.nextInt(1000);
        };
    }

    private static String maybe(Random random, int maxWords) {
        return random.nextInt(3) == 0 ? null : words(random, random.nextInt(maxWords));
    }

    static String words(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
            int gap = random.nextInt(40);
            out.append(gap == 0 ? "\n\n" : gap == 1 ? ". " : gap == 2 ? "\n" : " ");
        }
        return out.toString();
    }
}
