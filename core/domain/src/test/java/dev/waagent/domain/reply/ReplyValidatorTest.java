package dev.waagent.domain.reply;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyValidatorTest {

    @Test
    void everyLimitOfTheTableIsEnforcedAtItsBoundary() {
        assertThat(ReplyValidator.violations(new Reply.Text("a".repeat(4096)))).isEmpty();
        assertThat(paths(new Reply.Text("a".repeat(4097)))).containsExactly("text.body");

        ReplyButton ok = new ReplyButton("i".repeat(256), "t".repeat(20));
        assertThat(ReplyValidator.violations(new Reply.Buttons("h".repeat(60), "b".repeat(1024), "f".repeat(60), List.of(ok)))).isEmpty();
        assertThat(paths(new Reply.Buttons("h".repeat(61), "b".repeat(1025), "f".repeat(61),
                List.of(new ReplyButton("i".repeat(257), "t".repeat(21))))))
                .containsExactlyInAnyOrder("interactive.header.text", "interactive.body.text", "interactive.footer.text",
                        "interactive.action.buttons[0].reply.title", "interactive.action.buttons[0].reply.id");

        List<ReplyButton> four = IntStream.range(0, 4).mapToObj(i -> new ReplyButton("b" + i, "B" + i)).toList();
        assertThat(paths(new Reply.Buttons(null, "x", null, four))).containsExactly("interactive.action.buttons");
        assertThat(paths(new Reply.Buttons(null, "x", null, List.of()))).containsExactly("interactive.action.buttons");
        assertThat(paths(new Reply.Buttons(null, "x", null, List.of(new ReplyButton("a", "Yes"), new ReplyButton("b", "yes ")))))
                .containsExactly("interactive.action.buttons[1].reply.title");
        assertThat(paths(new Reply.Buttons(null, "x", null, List.of(new ReplyButton(" a", "Yes")))))
                .containsExactly("interactive.action.buttons[0].reply.id");
    }

    @Test
    void listLimitsCountRowsAcrossSections() {
        ListRow row = new ListRow("r".repeat(200), "t".repeat(24), "d".repeat(72));
        assertThat(ReplyValidator.violations(list(new ListSection(null, List.of(row))))).isEmpty();
        assertThat(paths(list(new ListSection(null, List.of(new ListRow("r".repeat(201), "t".repeat(25), "d".repeat(73)))))))
                .containsExactlyInAnyOrder("interactive.action.sections[0].rows[0].id", "interactive.action.sections[0].rows[0].title",
                        "interactive.action.sections[0].rows[0].description");

        List<ListRow> six = IntStream.range(0, 6).mapToObj(i -> new ListRow("a" + i, "A", null)).toList();
        List<ListRow> sixMore = IntStream.range(0, 6).mapToObj(i -> new ListRow("b" + i, "B", null)).toList();
        assertThat(paths(list(new ListSection("A", six), new ListSection("B", sixMore)))).containsExactly("interactive.action.sections");
        assertThat(paths(list(new ListSection("A", six.subList(0, 1)), new ListSection(null, sixMore.subList(0, 1)))))
                .containsExactly("interactive.action.sections[1].title");
        assertThat(paths(list(new ListSection("A", List.of(new ListRow("x", "A", null), new ListRow("x", "B", null))))))
                .containsExactly("interactive.action.sections[0].rows[1].id");
    }

    @Test
    void cardsAndTemplatesAreChecked() {
        assertThat(paths(new Reply.Card(MediaRef.link("https://x.example/a.jpg"), "c".repeat(1025), null, List.of()))).containsExactly("image.caption");
        assertThat(paths(new Reply.Card(new MediaRef("https://x.example/a.jpg", "123"), "c", null, List.of()))).containsExactly("image");
        assertThat(paths(new Reply.Card(MediaRef.link("https://x.example/a.jpg"), "", null, List.of(new ReplyButton("a", "A")))))
                .containsExactly("interactive.body.text");
        assertThat(paths(new TemplateMessage("Hello World", "en-US", List.of("", "a\nb", "x      y"))))
                .containsExactly("template.name", "template.language.code", "template.components[0].parameters[0].text",
                        "template.components[0].parameters[1].text", "template.components[0].parameters[2].text");
    }

    private static Reply.ListMenu list(ListSection... sections) {
        return new Reply.ListMenu(null, "Pick", null, "Pick", List.of(sections));
    }

    private static List<String> paths(Reply reply) {
        return ReplyValidator.violations(reply).stream().map(LimitViolation::path).toList();
    }
}
