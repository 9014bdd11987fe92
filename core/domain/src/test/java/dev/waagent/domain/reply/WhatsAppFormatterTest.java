package dev.waagent.domain.reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppFormatterTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "**bold**                       | *bold*",
            "__bold__                       | *bold*",
            "*italic*                       | _italic_",
            "_italic_                       | _italic_",
            "***both***                     | *_both_*",
            "~~gone~~                       | ~gone~",
            "Price **Rp 350.000**/day       | Price *Rp 350.000*/day",
            "a **bold** and *it* and ~~s~~  | a *bold* and _it_ and ~s~",
            "5 * 3 = 15 and 2 * 4 = 8       | 5 * 3 = 15 and 2 * 4 = 8",
            "snake_case_name stays          | snake_case_name stays",
            "`**not bold**` in code         | `**not bold**` in code",
            "\\*literal\\* stars            | *literal* stars",
            "[our site](https://ex.com/a_b_c) | our site (https://ex.com/a_b_c)",
            "[https://ex.com](https://ex.com) | https://ex.com",
            "<https://ex.com/x>             | https://ex.com/x",
            "see https://ex.com/**x**_y_    | see https://ex.com/**x**_y_",
            "![Avanza](https://img.ex/a.jpg) | Avanza (https://img.ex/a.jpg)",
    })
    void inlineMarkdownBecomesWhatsAppFormatting(String markdown, String whatsapp) {
        assertThat(WhatsAppFormatter.fromMarkdown(markdown)).isEqualTo(whatsapp);
    }

    @Test
    void headingsBecomeBoldLinesAndBulletsBecomeDots() {
        String markdown = """
                # Our cars
                ## **Family** options
                - Avanza
                * Xenia
                + Innova
                  - diesel
                1. First
                2) Second
                > Note: deposit needed
                ---
                - [ ] todo
                - [x] done""";

        assertThat(WhatsAppFormatter.fromMarkdown(markdown)).isEqualTo("""
                *Our cars*
                *Family options*
                • Avanza
                • Xenia
                • Innova
                  • diesel
                1. First
                2. Second
                > Note: deposit needed

                • ☐ todo
                • ☑ done""");
    }

    @Test
    void codeFencesAreKeptWithTheirContentUntouched() {
        String markdown = "Run this:\n```bash\necho **not bold** *x*\n```\nThen **done**.";

        assertThat(WhatsAppFormatter.fromMarkdown(markdown))
                .isEqualTo("Run this:\n```\necho **not bold** *x*\n```\nThen *done*.");
    }

    @Test
    void anUnclosedFenceIsClosed() {
        assertThat(WhatsAppFormatter.fromMarkdown("```\ncode")).isEqualTo("```\ncode\n```");
    }

    @Test
    void tablesBecomeRowsOfCellsAndBlankRunsCollapse() {
        String markdown = "| Car | Price |\n|-----|------:|\n| **Avanza** | 350k |\n\n\n\nBook now!";

        assertThat(WhatsAppFormatter.fromMarkdown(markdown)).isEqualTo("Car | Price\n*Avanza* | 350k\n\nBook now!");
    }

    @Test
    void setextHeadingBecomesBold() {
        assertThat(WhatsAppFormatter.fromMarkdown("Prices\n======\nfrom 350k")).isEqualTo("*Prices*\nfrom 350k");
    }

    @Test
    void plainTextWithoutMarkdownIsUnchanged() {
        String text = "Hi Budi! Yes, the Avanza is available tomorrow from 08:00. Shall I book it? 🙏";
        assertThat(WhatsAppFormatter.fromMarkdown(text)).isEqualTo(text);
        assertThat(WhatsAppFormatter.fromMarkdown("नमस्ते! **कल** मिलेगा")).isEqualTo("नमस्ते! *कल* मिलेगा");
    }

    @Test
    void plainRemovesEveryMarkerForTitles() {
        assertThat(WhatsAppFormatter.plain("**Book** _now_")).isEqualTo("Book now");
        assertThat(WhatsAppFormatter.plain("- 1. ~~Old~~ price\nnew line")).isEqualTo("Old price new line");
        assertThat(WhatsAppFormatter.plain("2) `Deluxe`")).isEqualTo("Deluxe");
        assertThat(WhatsAppFormatter.plain(null)).isEmpty();
    }

    @Test
    void formattingIsStableWhenAppliedTwiceToBold() {
        String once = WhatsAppFormatter.fromMarkdown("**Total:** Rp 700.000 for *two* days");
        assertThat(once).isEqualTo("*Total:* Rp 700.000 for _two_ days");
    }
}
