package dev.waagent.domain.reply;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RichReplyPlannerTest {

    private static final MediaRef PHOTO = MediaRef.link("https://img.example.com/avanza.jpg");

    private final RichReplyPlanner planner = new RichReplyPlanner();

    @Test
    void aQuestionWithThreeShortChoicesBecomesButtons() {
        Reply reply = planner.plan(ReplyDraft.of("""
                Sure! When would you like to pick up the car?
                1. **Today**
                2. Tomorrow
                3. This weekend"""), RichMessagePolicy.ALL);

        assertThat(reply).isEqualTo(new Reply.Buttons(null, "Sure! When would you like to pick up the car?", null, List.of(
                new ReplyButton("opt-1", "Today"), new ReplyButton("opt-2", "Tomorrow"), new ReplyButton("opt-3", "This weekend"))));
    }

    @Test
    void upToTenItemsWithPricesBecomeAListWithDescriptions() {
        Reply reply = planner.plan(ReplyDraft.of("""
                We have these cars available tomorrow:
                - **Toyota Avanza 2022** – Rp 350.000/day
                - Daihatsu Xenia – Rp 325.000/day
                - Mitsubishi Xpander – Rp 450.000/day
                - Honda Brio – Rp 250.000/day

                Which one would you like?"""), RichMessagePolicy.ALL);

        assertThat(reply).isInstanceOfSatisfying(Reply.ListMenu.class, list -> {
            assertThat(list.body()).isEqualTo("We have these cars available tomorrow:\n\nWhich one would you like?");
            assertThat(list.buttonLabel()).isEqualTo("Options");
            assertThat(list.rows()).containsExactly(
                    new ListRow("opt-1", "Toyota Avanza 2022", "Rp 350.000/day"),
                    new ListRow("opt-2", "Daihatsu Xenia", "Rp 325.000/day"),
                    new ListRow("opt-3", "Mitsubishi Xpander", "Rp 450.000/day"),
                    new ListRow("opt-4", "Honda Brio", "Rp 250.000/day"));
        });
        assertThat(planner.compose(ReplyDraft.of("Which?\n- A – x\n- B – y"), RichMessagePolicy.ALL).repaired()).isFalse();
    }

    @Test
    void aListOfFactsIsNotAChoice() {
        String text = "Our opening hours:\n- Mon–Fri 9:00–17:00\n- Sat 10:00–14:00";
        assertThat(planner.plan(ReplyDraft.of(text), RichMessagePolicy.ALL))
                .isEqualTo(new Reply.Text("Our opening hours:\n• Mon–Fri 9:00–17:00\n• Sat 10:00–14:00"));
    }

    @Test
    void aChoiceIntroducedWithAColonAndAChoiceWordCounts() {
        Reply reply = planner.plan(ReplyDraft.of("Silakan pilih jadwal:\n1. Pagi\n2. Siang"), RichMessagePolicy.ALL);
        assertThat(reply).isInstanceOf(Reply.Buttons.class);
    }

    @Test
    void elevenItemsOrTitlesTooLongStayText() {
        StringBuilder eleven = new StringBuilder("Which model?\n");
        for (int i = 1; i <= 11; i++) {
            eleven.append(i).append(". Model ").append(i).append('\n');
        }
        assertThat(planner.plan(ReplyDraft.of(eleven.toString()), RichMessagePolicy.ALL)).isInstanceOf(Reply.Text.class);

        String tooLong = "Which package?\n1. The complete wedding photography package with album\n2. Basic";
        assertThat(planner.plan(ReplyDraft.of(tooLong), RichMessagePolicy.ALL)).isInstanceOf(Reply.Text.class);
    }

    @Test
    void nestedItemsAreNotFlattenedIntoOptions() {
        String text = "Which plan?\n- Basic\n  - 1 car\n- Family\n  - 2 cars";
        assertThat(planner.plan(ReplyDraft.of(text), RichMessagePolicy.ALL)).isInstanceOf(Reply.Text.class);
    }

    @Test
    void withoutRichMessagesEverythingIsFormattedText() {
        Reply reply = planner.plan(ReplyDraft.of("**Yes!** Which day?\n1. Today\n2. Tomorrow"), RichMessagePolicy.TEXT_ONLY);
        assertThat(reply).isEqualTo(new Reply.Text("*Yes!* Which day?\n1. Today\n2. Tomorrow"));
    }

    @Test
    void onlyListsAllowedTurnsShortChoicesIntoAList() {
        Reply reply = planner.plan(ReplyDraft.of("Which day?\n1. Today\n2. Tomorrow"), new RichMessagePolicy(false, true, false));
        assertThat(reply).isInstanceOf(Reply.ListMenu.class);
    }

    @Test
    void explicitOptionsThatFitNoFormAreWrittenIntoTheText() {
        List<ReplyOption> options = List.of(new ReplyOption("a", "Airport pickup with a driver and a child seat", null),
                ReplyOption.of("b", "Self drive"));
        Reply reply = planner.plan(new ReplyDraft("How would you like to travel?", options, null), RichMessagePolicy.ALL);
        assertThat(reply).isEqualTo(new Reply.Text("How would you like to travel?\n\n1. Airport pickup with a driver and a child seat\n2. Self drive"));
    }

    @Test
    void oneItemWithAPhotoBecomesACardWithItsChoicesAsButtons() {
        ReplyDraft draft = new ReplyDraft("The **Avanza 2022** seats 7, automatic, Rp 350.000/day.\nShall I book it?",
                List.of(ReplyOption.of("book", "Book it"), ReplyOption.of("other", "See other cars")),
                new ReplyDraft.CardItem("Toyota Avanza 2022", PHOTO));

        Reply reply = planner.plan(draft, RichMessagePolicy.ALL);

        assertThat(reply).isEqualTo(new Reply.Card(PHOTO,
                "*Toyota Avanza 2022*\nThe *Avanza 2022* seats 7, automatic, Rp 350.000/day.\nShall I book it?", null,
                List.of(new ReplyButton("book", "Book it"), new ReplyButton("other", "See other cars"))));
    }

    @Test
    void aCardWithoutAUsablePhotoFallsBackToTheOtherForms() {
        ReplyDraft draft = new ReplyDraft("Book the Avanza?", List.of(ReplyOption.of("y", "Yes"), ReplyOption.of("n", "No")),
                new ReplyDraft.CardItem("Avanza", MediaRef.link("not a url")));
        assertThat(planner.plan(draft, RichMessagePolicy.ALL)).isInstanceOf(Reply.Buttons.class);
    }

    @Test
    void composeGivesValidPartsForAnOverlongAnswer() {
        String longAnswer = "Here is our full rental policy. ".repeat(200) + "\n\nAnything else?";
        RepairResult result = planner.compose(ReplyDraft.of(longAnswer), RichMessagePolicy.ALL);
        assertThat(result.parts()).hasSizeGreaterThan(1);
        assertThat(result.repairs()).containsExactly(RepairKind.TEXT_SPLIT);
    }
}
