package dev.waagent.whatsapp;

import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.TemplateMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Replies of every form with sizes around and beyond Meta's limits, markdown, emoji and duplicates. */
final class RandomReplies {

    private static final String[] WORDS = {"Avanza", "Rp", "350.000/day", "**bold**", "_it_", "🚗", "🙏🏽", "नमस्ते", "कल",
            "mobil", "tersedia", "besok", "kal", "milegi", "deposit", "e.g.", "Supercalifragilisticexpialidocious", "#1",
            "[link](https://ex.com/a_b)", "`code`", "~~old~~", "yes", "no", "-", "•", "\"quoted\"", "<tag>", "\\", "{{1}}"};

    private final Random random;

    RandomReplies(long seed) {
        this.random = new Random(seed);
    }

    Reply next() {
        return switch (random.nextInt(5)) {
            case 0 -> new Reply.Text(words(1 + random.nextInt(random.nextBoolean() ? 60 : 1500)));
            case 1 -> new Reply.Buttons(maybe(15), words(random.nextInt(random.nextBoolean() ? 30 : 400)), maybe(15), buttons(random.nextInt(6)));
            case 2 -> {
                List<ListSection> sections = new ArrayList<>();
                for (int s = 1 + random.nextInt(random.nextBoolean() ? 2 : 4); s > 0; s--) {
                    List<ListRow> rows = new ArrayList<>();
                    for (int r = random.nextInt(random.nextBoolean() ? 5 : 9); r > 0; r--) {
                        rows.add(new ListRow(id(), words(1 + random.nextInt(7)), random.nextBoolean() ? null : words(random.nextInt(20))));
                    }
                    sections.add(new ListSection(random.nextBoolean() ? null : words(1 + random.nextInt(6)), rows));
                }
                yield new Reply.ListMenu(maybe(15), words(random.nextInt(random.nextBoolean() ? 30 : 400)), maybe(15),
                        random.nextBoolean() ? null : words(1 + random.nextInt(6)), sections);
            }
            case 3 -> new Reply.Card(random.nextInt(10) == 0 ? new MediaRef("not a url", null)
                    : random.nextBoolean() ? MediaRef.link("https://img.example.com/" + random.nextInt(100) + ".jpg")
                    : MediaRef.uploaded("14795371396509" + random.nextInt(10)),
                    words(random.nextInt(random.nextBoolean() ? 30 : 400)), maybe(15), random.nextBoolean() ? List.of() : buttons(random.nextInt(5)));
            default -> {
                List<String> parameters = new ArrayList<>();
                for (int p = random.nextInt(4); p > 0; p--) {
                    parameters.add(random.nextInt(5) == 0 ? "" : words(1 + random.nextInt(8)) + (random.nextBoolean() ? "\n\t      x" : ""));
                }
                yield new TemplateMessage("booking_reminder", random.nextBoolean() ? "en_US" : "id", parameters);
            }
        };
    }

    private List<ReplyButton> buttons(int count) {
        List<ReplyButton> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = random.nextInt(4) == 0 && !out.isEmpty() ? out.get(0).title() : words(1 + random.nextInt(5));
            out.add(new ReplyButton(random.nextInt(6) == 0 && !out.isEmpty() ? out.get(0).id() : id(), title));
        }
        return out;
    }

    private String id() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> " padded ";
            case 2 -> "x".repeat(300);
            default -> "opt_" + random.nextInt(1000);
        };
    }

    private String maybe(int maxWords) {
        return random.nextInt(3) == 0 ? null : words(random.nextInt(maxWords));
    }

    String words(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
            int gap = random.nextInt(40);
            out.append(gap == 0 ? "\n\n" : gap == 1 ? ". " : gap == 2 ? "\n" : " ");
        }
        return out.toString();
    }
}
