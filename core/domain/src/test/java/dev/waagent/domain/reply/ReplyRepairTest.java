package dev.waagent.domain.reply;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyRepairTest {

    private final ReplyRepair repair = new ReplyRepair();

    @Test
    void aValidReplyComesBackUnchangedAsOnePart() {
        List<Reply> valid = List.of(
                new Reply.Text("Hi! The Avanza is available tomorrow."),
                new Reply.Buttons("Booking", "Shall I book it?", "Lucky Rent", List.of(new ReplyButton("yes", "Yes"), new ReplyButton("no", "No"))),
                new Reply.ListMenu(null, "Which car?", null, "Cars", List.of(new ListSection(null,
                        List.of(new ListRow("avanza", "Avanza", "Rp 350.000/day"), new ListRow("xenia", "Xenia", null))))),
                new Reply.Card(MediaRef.link("https://img.example.com/avanza.jpg"), "Avanza 2022, automatic", null, List.of()),
                new Reply.Card(MediaRef.uploaded("1479537139650973"), "Avanza 2022", "Lucky Rent", List.of(new ReplyButton("book", "Book"))),
                new TemplateMessage("booking_reminder", "en_US", List.of("Budi", "tomorrow 08:00")));

        for (Reply reply : valid) {
            RepairResult result = repair.repair(reply);
            assertThat(result.repairs()).as("%s", reply).isEmpty();
            assertThat(result.parts()).singleElement().satisfies(part -> {
                assertThat(part.content()).isEqualTo(reply);
                assertThat(part.index()).isZero();
            });
        }
    }

    @Test
    void textOver4096IsSplitAtSentenceBoundariesIntoOrderedParts() {
        String sentence = "The deposit is refunded within three days after you return the car. ";
        String text = sentence.repeat(150).strip();

        RepairResult result = repair.repair(new Reply.Text(text));

        assertThat(result.repairs()).containsExactly(RepairKind.TEXT_SPLIT);
        assertThat(result.parts()).hasSize(3).allSatisfy(part -> {
            String body = ((Reply.Text) part.content()).body();
            assertThat(body.length()).isLessThanOrEqualTo(4096);
            assertThat(body).endsWith("car.");
        });
        assertThat(result.parts()).extracting(OutboundPart::index).containsExactly(0, 1, 2);
        assertThat(String.join(" ", result.parts().stream().map(OutboundPart::asText).toList())).isEqualTo(text);
    }

    @Test
    void blankTextGivesNoPart() {
        RepairResult result = repair.repair(new Reply.Text("   \n "));
        assertThat(result.sendable()).isFalse();
        assertThat(result.repairs()).containsExactly(RepairKind.EMPTY_DROPPED);
    }

    @Test
    void longButtonTitlesAreShortenedAndCollisionsToldApart() {
        RepairResult result = repair.repair(new Reply.Buttons(null, "Which plan?", null, List.of(
                new ReplyButton("m", "Premium package monthly"),
                new ReplyButton("y", "Premium package yearly"),
                new ReplyButton("b", "**Basic**"))));

        Reply.Buttons buttons = (Reply.Buttons) single(result);
        assertThat(buttons.buttons()).extracting(ReplyButton::title)
                .containsExactly("Premium package…", "Premium package… 2", "Basic");
        assertThat(result.repairs()).contains(RepairKind.BUTTON_TITLE_SHORTENED, RepairKind.BUTTON_TITLES_DEDUPED, RepairKind.MARKDOWN_STRIPPED);
    }

    @Test
    void theSameOptionOfferedTwiceIsKeptOnce() {
        RepairResult result = repair.repair(new Reply.Buttons(null, "Confirm?", null, List.of(
                new ReplyButton("yes", "Yes"), new ReplyButton("yes-2", "yes "), new ReplyButton("no", "No"))));

        assertThat(((Reply.Buttons) single(result)).buttons()).extracting(ReplyButton::title).containsExactly("Yes", "No");
        assertThat(result.repairs()).contains(RepairKind.BUTTON_TITLES_DEDUPED);
    }

    @Test
    void missingLongPaddedAndDuplicateIdsAreReplaced() {
        RepairResult result = repair.repair(new Reply.Buttons(null, "Pick", null, List.of(
                new ReplyButton("", "A"), new ReplyButton(" x ", "B"), new ReplyButton("x", "C"))));
        assertThat(((Reply.Buttons) single(result)).buttons()).extracting(ReplyButton::id).containsExactly("opt-1", "x", "x-2");

        RepairResult longIds = repair.repair(new Reply.ListMenu(null, "Pick", null, "Pick", List.of(new ListSection(null,
                List.of(new ListRow("r".repeat(300), "A", null), new ListRow("r".repeat(300), "B", null))))));
        List<ListRow> rows = ((Reply.ListMenu) single(longIds)).rows();
        assertThat(rows).allSatisfy(row -> assertThat(row.id().length()).isLessThanOrEqualTo(200));
        assertThat(rows.get(0).id()).isNotEqualTo(rows.get(1).id());
        assertThat(longIds.repairs()).contains(RepairKind.IDS_FIXED);
    }

    @Test
    void moreThanThreeButtonsBecomeAList() {
        List<ReplyButton> buttons = IntStream.rangeClosed(1, 5).mapToObj(i -> new ReplyButton("d" + i, "Day " + i)).toList();

        RepairResult result = repair.repair(new Reply.Buttons("Pickup", "Which day?", null, buttons));

        Reply.ListMenu list = (Reply.ListMenu) single(result);
        assertThat(list.rows()).extracting(ListRow::title).containsExactly("Day 1", "Day 2", "Day 3", "Day 4", "Day 5");
        assertThat(list.rows()).extracting(ListRow::id).containsExactly("d1", "d2", "d3", "d4", "d5");
        assertThat(list.buttonLabel()).isEqualTo("Options");
        assertThat(list.header()).isEqualTo("Pickup");
        assertThat(result.repairs()).contains(RepairKind.BUTTONS_TO_LIST);
    }

    @Test
    void noUsableButtonLeavesText() {
        RepairResult result = repair.repair(new Reply.Buttons("Hi", "We are open 9-5.", null, List.of(new ReplyButton("a", " "))));
        assertThat(single(result)).isEqualTo(new Reply.Text("*Hi*\n\nWe are open 9-5."));
        assertThat(result.repairs()).contains(RepairKind.BUTTONS_TO_TEXT, RepairKind.EMPTY_DROPPED);
    }

    @Test
    void aLongInteractiveBodyKeepsItsQuestionAndSendsTheRestFirst() {
        String explanation = "Our cars are cleaned and checked before every rental. ".repeat(30).strip();
        String body = explanation + "\n\nWhich one would you like?";

        RepairResult result = repair.repair(new Reply.Buttons(null, body, null, List.of(new ReplyButton("a", "Avanza"))));

        assertThat(result.parts()).extracting(OutboundPart::form).containsExactly("text", "buttons");
        String head = result.parts().get(0).asText();
        String tail = ((Reply.Buttons) result.parts().get(1).content()).body();
        assertThat(tail).hasSizeLessThanOrEqualTo(1024).startsWith("Our cars").endsWith("\n\nWhich one would you like?");
        assertThat(head).endsWith("rental.");
        assertThat(head + " " + tail).isEqualTo(body);
        assertThat(result.repairs()).containsExactly(RepairKind.BODY_SPLIT);
    }

    @Test
    void headersFootersAndLabelsAreShortened() {
        RepairResult result = repair.repair(new Reply.ListMenu("H".repeat(10) + " " + "header words ".repeat(6), "Pick one", "footer text ".repeat(7),
                "Choose a car from the list", List.of(new ListSection("A section title that is long", List.of(new ListRow("a", "A", null))))));

        Reply.ListMenu list = (Reply.ListMenu) single(result);
        assertThat(list.header().length()).isLessThanOrEqualTo(60);
        assertThat(list.footer().length()).isLessThanOrEqualTo(60);
        assertThat(list.buttonLabel()).isEqualTo("Choose a car from…");
        assertThat(list.sections().get(0).title().length()).isLessThanOrEqualTo(24);
        assertThat(result.repairs()).contains(RepairKind.HEADER_SHORTENED, RepairKind.FOOTER_SHORTENED, RepairKind.LIST_LABEL_FIXED,
                RepairKind.SECTION_TITLE_SHORTENED);
    }

    @Test
    void aLongRowTitleIsSplitAtItsSeparatorOrKeepsItsWordingAsDescription() {
        RepairResult result = repair.repair(new Reply.ListMenu(null, "Which car?", null, "Cars", List.of(new ListSection(null, List.of(
                new ListRow("a", "Toyota Avanza 2022 – Rp 350.000/day", null),
                new ListRow("b", "Mitsubishi Xpander Ultimate Automatic", null),
                new ListRow("c", "Honda Brio Satya Automatic 2023", "Rp 250.000/day"))))));

        List<ListRow> rows = ((Reply.ListMenu) single(result)).rows();
        assertThat(rows.get(0)).isEqualTo(new ListRow("a", "Toyota Avanza 2022", "Rp 350.000/day"));
        assertThat(rows.get(1)).isEqualTo(new ListRow("b", "Mitsubishi Xpander…", "Mitsubishi Xpander Ultimate Automatic"));
        assertThat(rows.get(2)).isEqualTo(new ListRow("c", "Honda Brio Satya…", "Rp 250.000/day"));
    }

    @Test
    void moreThanTenRowsBecomeNumberedText() {
        List<ListRow> rows = IntStream.rangeClosed(1, 12).mapToObj(i -> new ListRow("r" + i, "Item " + i, i == 1 ? "first" : null)).toList();

        RepairResult result = repair.repair(new Reply.ListMenu(null, "All our cars:", null, "Cars", List.of(new ListSection(null, rows))));

        String text = ((Reply.Text) single(result)).body();
        assertThat(text).startsWith("All our cars:\n\n1. Item 1 – first\n2. Item 2\n").endsWith("12. Item 12");
        assertThat(result.repairs()).containsExactly(RepairKind.LIST_TO_TEXT);
    }

    @Test
    void sectionsWithoutTitlesAreMergedAndEmptyOnesDropped() {
        RepairResult result = repair.repair(new Reply.ListMenu(null, "Pick", null, "Pick", List.of(
                new ListSection("Cars", List.of(new ListRow("a", "Avanza", null))),
                new ListSection(null, List.of(new ListRow("b", "Honda Vario", null))),
                new ListSection("Empty", List.of()))));

        Reply.ListMenu list = (Reply.ListMenu) single(result);
        assertThat(list.sections()).singleElement().satisfies(section -> {
            assertThat(section.title()).isNull();
            assertThat(section.rows()).extracting(ListRow::id).containsExactly("a", "b");
        });
        assertThat(result.repairs()).contains(RepairKind.SECTIONS_MERGED, RepairKind.EMPTY_DROPPED);
    }

    @Test
    void aCardWithALongCaptionSendsTheRestAfterTheImage() {
        String caption = "Spacious seven-seater with automatic transmission and air conditioning. ".repeat(20).strip();

        RepairResult result = repair.repair(new Reply.Card(MediaRef.link("https://img.example.com/a.jpg"), caption, "Lucky Rent", List.of()));

        assertThat(result.parts()).hasSize(2);
        Reply.Card card = (Reply.Card) result.parts().get(0).content();
        assertThat(card.caption().length()).isLessThanOrEqualTo(1024);
        assertThat(card.footer()).isNull();
        assertThat(result.parts().get(1).asText()).endsWith("_Lucky Rent_");
        assertThat(result.repairs()).contains(RepairKind.FOOTER_MERGED, RepairKind.CAPTION_SPLIT);
    }

    @Test
    void aCardWithAnUnusableImageFallsBackToButtons() {
        RepairResult result = repair.repair(new Reply.Card(new MediaRef("ftp://x/a.jpg", null), "Avanza", null,
                List.of(new ReplyButton("book", "Book"))));

        assertThat(single(result)).isEqualTo(new Reply.Buttons(null, "Avanza", null, List.of(new ReplyButton("book", "Book"))));
        assertThat(result.repairs()).containsExactly(RepairKind.CARD_IMAGE_INVALID);
    }

    @Test
    void aCardWithManyButtonsBecomesTheImageThenAList() {
        List<ReplyButton> buttons = IntStream.rangeClosed(1, 4).mapToObj(i -> new ReplyButton("s" + i, "Slot " + i)).toList();

        RepairResult result = repair.repair(new Reply.Card(MediaRef.link("https://img.example.com/a.jpg"), "Pick a slot", null, buttons));

        assertThat(result.parts()).extracting(OutboundPart::form).containsExactly("card", "list");
        assertThat(result.repairs()).contains(RepairKind.CARD_BUTTONS_TO_LIST);
    }

    @Test
    void templateParametersLoseLineBreaksTabsAndLongSpaceRuns() {
        RepairResult result = repair.repair(new TemplateMessage(" booking_reminder ", "en-US",
                Arrays.asList("Budi\nSantoso", "a\tb", "x      y", "", null)));

        assertThat(single(result)).isEqualTo(new TemplateMessage("booking_reminder", "en_US", List.of("Budi Santoso", "a b", "x y", "-", "-")));
        assertThat(result.repairs()).containsExactly(RepairKind.TEMPLATE_PARAMETER_FIXED);
    }

    @Test
    void anUnusableTemplateGivesNothingToSend() {
        RepairResult result = repair.repair(new TemplateMessage("Booking Reminder!", "en_US", List.of()));
        assertThat(result.sendable()).isFalse();
        assertThat(result.repairs()).containsExactly(RepairKind.TEMPLATE_INVALID);
    }

    @Test
    void anOutboundPartCannotHoldWhatMetaWouldRefuse() {
        assertThatThrownBy(() -> new OutboundPart(0, new Reply.Text("x".repeat(4097))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text.body");
        assertThat(new OutboundPart(2, new Reply.Text("hi")).key("out.t1")).isEqualTo("out.t1#2");
    }

    private static Reply single(RepairResult result) {
        assertThat(result.parts()).hasSize(1);
        return result.parts().get(0).content();
    }
}
