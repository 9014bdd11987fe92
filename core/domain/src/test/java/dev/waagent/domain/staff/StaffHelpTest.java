package dev.waagent.domain.staff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class StaffHelpTest {

    @ParameterizedTest
    @EnumSource(StaffLanguage.class)
    void everyHelpLineIsInTheStaffsLanguageAndItsCommandWordsWorkAsWritten(StaffLanguage language) {
        for (String english : StaffCommandParser.USAGE) {
            String line = StaffCommands.usage(language, english);
            String command = line.split(" <| \\[|:|  \\(|,")[0].strip();

            StaffCommand parsed = StaffCommandParser.parse(command);
            StaffCommand expected = StaffCommandParser.parse(english.split(" <| \\[|  \\(")[0].strip());
            assertThat(parsed.getClass()).as("'%s' in %s", command, language).isEqualTo(expected.getClass());
            if (parsed instanceof StaffCommand.Help help) {
                // A command word without its arguments answers with that command's usage, not "unknown command".
                assertThat(String.valueOf(help.problem())).as(command).doesNotContain("unknown command");
                assertThat(help.usage()).as("usage answered to '%s'", command).isEqualTo(((StaffCommand.Help) expected).usage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaffLanguage.class, names = {"BAHASA", "HINGLISH"})
    void helpForBahasaAndHinglishStaffIsNotAnEnglishList(StaffLanguage language) {
        String help = StaffCommands.help(language, new StaffCommand.Help(null, null));

        assertThat(help).doesNotContain("you take over", "back to the bot", "answer through the business number");
        assertThat(help).contains(language == StaffLanguage.BAHASA ? "/ambil alih <pelanggan>" : "/ruko <customer>");
    }
}
