package dev.waagent.dynamodb;

import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.TemplateMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyContentCodecTest {

    static Stream<Reply> everyForm() {
        return Stream.of(
                new Reply.Buttons("Cameras", "Which one would you like?", "Prices per day", List.of(
                        new ReplyButton("fx3", "Sony FX3"), new ReplyButton("r5", "Canon R5"))),
                new Reply.Buttons(null, "Book it?", null, List.of(new ReplyButton("yes", "Yes"))),
                new Reply.ListMenu(null, "Our lenses:", null, "Options", List.of(
                        new ListSection("Sony", List.of(new ListRow("a", "FE 24-70 GM", "Rs 1,500/day"), new ListRow("b", "FE 85 1.4", null))),
                        new ListSection(null, List.of(new ListRow("c", "RF 50 1.2", "Rs 1,200/day"))))),
                new Reply.Card(MediaRef.link("https://img.example/fx3.jpg"), "*Sony FX3*\nRs 2,500/day", "Deposit applies",
                        List.of(new ReplyButton("book", "Book now"))),
                new Reply.Card(MediaRef.uploaded("1234567890"), "Avanza 2022", null, List.of()),
                new TemplateMessage("follow_up_question", "en_US", List.of("Ravi", "Pune Camera Rentals")));
    }

    @ParameterizedTest
    @MethodSource("everyForm")
    void aPartInAnyFormIsReadBackExactlyAsRecorded(Reply reply) {
        String stored = ReplyContentCodec.encode(reply);

        assertThat(stored).isNotBlank();
        assertThat(ReplyContentCodec.decode(stored, reply.asText())).isEqualTo(reply);
    }

    @Test
    void plainTextNeedsNoContentAndIsReadFromTheText() {
        assertThat(ReplyContentCodec.encode(new Reply.Text("Hello"))).isNull();
        assertThat(ReplyContentCodec.decode(null, "Hello")).isEqualTo(new Reply.Text("Hello"));
    }
}
