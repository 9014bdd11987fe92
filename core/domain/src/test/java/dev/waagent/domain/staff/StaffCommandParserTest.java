package dev.waagent.domain.staff;

import dev.waagent.domain.catalog.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class StaffCommandParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"/inventory", "cek stok", "Cek Stok", "/stok", "/cek stok", "inventory", "/inv"})
    void inventoryInEnglishAndBahasa(String message) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(new StaffCommand.Inventory(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/stock|INVENTORY|",
            "stock dikhao fx3|INVENTORY|fx3",
            "/maal|INVENTORY|",
            "/daam fx3 3500|PRICE|fx3 3500",
            "/keemat Sony A7S III 1.5 lakh|PRICE|Sony A7S III 1.5 lakh",
            "/hisaab|STATS|",
            "/ruko 5678|PAUSE|5678",
            "main sambhalunga Meera|PAUSE|Meera",
            "/chalu 5678|RESUME|5678",
            "bot chalu 5678|RESUME|5678",
            "/jawab 5678 haan, FX3 shanivar ko free hai|REPLY|5678 haan, FX3 shanivar ko free hai",
            "/madad|HELP|"})
    void hinglishAliasesReadAsTheSameCommands(String message, String verb, String rest) {
        StaffCommand command = StaffCommandParser.parse(message);
        StaffCommand expected = switch (verb) {
            case "INVENTORY" -> new StaffCommand.Inventory(rest == null ? "" : rest);
            case "PRICE" -> StaffCommandParser.parse("/price " + rest);
            case "STATS" -> new StaffCommand.Stats();
            case "PAUSE" -> new StaffCommand.Pause(rest);
            case "RESUME" -> new StaffCommand.Resume(rest);
            case "REPLY" -> StaffCommandParser.parse("/reply " + rest);
            default -> StaffCommand.Help.ASKED;
        };
        assertThat(command).isEqualTo(expected);
        assertThat(StaffCommandParser.isSlashCommand(message.startsWith("/") ? message : "/" + message)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/status FX3 khatam|FX3|OUT_OF_STOCK",
            "/status FX3 khatam ho gaya|FX3|OUT_OF_STOCK",
            "/status Sony FX6 nahi hai|Sony FX6|OUT_OF_STOCK",
            "/status FX6 hai|FX6|IN_STOCK",
            "/status DJI Ronin kam bacha|DJI Ronin|LIMITED",
            "/status RED Komodo order par|RED Komodo|ON_REQUEST"})
    void hinglishStatesAreRead(String message, String item, Availability state) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(new StaffCommand.SetStatus(item, state));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/daam fx3 3500", "stock dikhao", "/ruko 5678", "/chalu meera", "/hisaab", "/madad",
            "/status FX3 khatam", "/status FX6 kam bacha", "/jawab do 5678 haan ji", "/jawab 5678 haan ji"})
    void hinglishIsRecognisedFromTheCommandWordOrTheState(String message) {
        assertThat(StaffCommandParser.writtenInHinglish(message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/price fx3 3500", "/inventory", "cek stok", "/status FX3 sold", "/status Brio habis",
            "/reply 5678 yes", "balas 5678 ya", "/help", "hello"})
    void englishAndBahasaAreNotHinglish(String message) {
        assertThat(StaffCommandParser.writtenInHinglish(message)).isFalse();
    }

    @Test
    void aPriceQuoteSetWithDaamIsTheSameAmount() {
        assertThat(StaffCommandParser.parse("/daam fx3 3500")).isEqualTo(new StaffCommand.SetPrice("fx3", new BigDecimal("3500")));
        assertThat(StaffCommandParser.parse("/keemat a7s3 1.5 lakh")).isEqualTo(new StaffCommand.SetPrice("a7s3", new BigDecimal("150000")));
    }

    @Test
    void inventoryKeepsItsFilter() {
        assertThat(StaffCommandParser.parse("/inventory sony lens")).isEqualTo(new StaffCommand.Inventory("sony lens"));
        assertThat(StaffCommandParser.parse("cek stok avanza")).isEqualTo(new StaffCommand.Inventory("avanza"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/status FX3 sold|FX3|OUT_OF_STOCK",
            "/status Sony FX3 sold out|Sony FX3|OUT_OF_STOCK",
            "/status fx3 available|fx3|IN_STOCK",
            "/status Aputure 600d limited|Aputure 600d|LIMITED",
            "/status RED Komodo on request|RED Komodo|ON_REQUEST",
            "ubah status Honda Jazz 2019 terjual|Honda Jazz 2019|OUT_OF_STOCK",
            "update status Avanza ada|Avanza|IN_STOCK",
            "/status Innova Reborn tidak ada|Innova Reborn|OUT_OF_STOCK",
            "/status Brio habis|Brio|OUT_OF_STOCK",
            "/status Xpander inden|Xpander|ON_REQUEST"})
    void statusTakesTheStateFromTheEndAndTheItemFromTheRest(String message, String item, Availability state) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(new StaffCommand.SetStatus(item, state));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/status", "/status FX3", "/status FX3 purple"})
    void statusWithoutAStateExplainsItsUsage(String message) {
        StaffCommand command = StaffCommandParser.parse(message);
        assertThat(command).isInstanceOf(StaffCommand.Help.class);
        assertThat(((StaffCommand.Help) command).usage()).isEqualTo(StaffCommandParser.USAGE_STATUS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/price FX3 2500|FX3|2500",
            "/price Sony FX3 2,500|Sony FX3|2500",
            "/price FX3 ₹2500/-|FX3|2500",
            "/price FX3 2499.50|FX3|2499.5",
            "harga Avanza 150jt|Avanza|150000000",
            "/harga Honda Jazz 2019 Rp 185.000.000|Honda Jazz 2019|185000000",
            "ubah harga Brio 1,5 jt|Brio|1500000",
            "/harga Brio 120 juta|Brio|120000000",
            "/price Innova 12.5 lakh|Innova|1250000",
            "/price lens kit 800rb|lens kit|800000"})
    void priceTakesTheAmountFromTheEndAsStaffWriteIt(String message, String item, String amount) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(new StaffCommand.SetPrice(item, new BigDecimal(amount)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/price", "/price FX3", "/price FX3 cheap"})
    void priceWithoutAnAmountExplainsItsUsage(String message) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(new StaffCommand.Help(
                ((StaffCommand.Help) StaffCommandParser.parse(message)).problem(), StaffCommandParser.USAGE_PRICE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stats", "laporan", "/laporan", "Laporan", "statistik", "/report"})
    void statsInEnglishAndBahasa(String message) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(new StaffCommand.Stats());
    }

    @Test
    void pauseAndResumeTakeACustomerReference() {
        assertThat(StaffCommandParser.parse("/pause 5678")).isEqualTo(new StaffCommand.Pause("5678"));
        assertThat(StaffCommandParser.parse("ambil alih Ravi Kumar")).isEqualTo(new StaffCommand.Pause("Ravi Kumar"));
        assertThat(StaffCommandParser.parse("/jeda 9198****5678")).isEqualTo(new StaffCommand.Pause("9198****5678"));
        assertThat(StaffCommandParser.parse("/resume +91 98123 45678")).isEqualTo(new StaffCommand.Resume("+91 98123 45678"));
        assertThat(StaffCommandParser.parse("kembalikan 5678")).isEqualTo(new StaffCommand.Resume("5678"));
        assertThat(StaffCommandParser.parse("/lanjut Budi")).isEqualTo(new StaffCommand.Resume("Budi"));
    }

    @Test
    void replyTakesTheCustomerThenTheText() {
        assertThat(StaffCommandParser.parse("/reply 5678 Yes, the FX3 is free on Saturday."))
                .isEqualTo(new StaffCommand.Reply("5678", "Yes, the FX3 is free on Saturday."));
        assertThat(StaffCommandParser.parse("balas Budi Santoso: Mobilnya masih ada, Pak"))
                .isEqualTo(new StaffCommand.Reply("Budi Santoso", "Mobilnya masih ada, Pak"));
        assertThat(StaffCommandParser.parse("/reply 5678\nsecond line")).isEqualTo(new StaffCommand.Reply("5678", "second line"));
        assertThat(StaffCommandParser.parse("/reply 5678 Note: deposit is refundable"))
                .isEqualTo(new StaffCommand.Reply("5678", "Note: deposit is refundable"));
        assertThat(StaffCommandParser.parse("/reply +91 98123 45678 hello"))
                .isEqualTo(new StaffCommand.Reply("+91 98123 45678", "hello"));
        assertThat(StaffCommandParser.parse("/reply 9198****5678: hello")).isEqualTo(new StaffCommand.Reply("9198****5678", "hello"));
        assertThat(StaffCommandParser.parse("/reply 5678 2 units left")).isEqualTo(new StaffCommand.Reply("5678", "2 units left"));
        assertThat(StaffCommandParser.parse("/reply Ravi see you at 10")).isEqualTo(new StaffCommand.Reply("Ravi", "see you at 10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pause", "/resume", "/reply", "/reply 5678"})
    void commandsWithoutTheirCustomerOrTextExplainTheirUsage(String message) {
        StaffCommand command = StaffCommandParser.parse(message);
        assertThat(command).isInstanceOf(StaffCommand.Help.class);
        assertThat(((StaffCommand.Help) command).usage()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/help", "bantuan", "/bantuan", "menu", "?"})
    void helpInEnglishAndBahasa(String message) {
        assertThat(StaffCommandParser.parse(message)).isEqualTo(StaffCommand.Help.ASKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/upload", "hello team", "/statuss FX3 sold", ""})
    void anythingElseIsHelpNamingTheProblem(String message) {
        StaffCommand command = StaffCommandParser.parse(message);
        assertThat(command).isInstanceOf(StaffCommand.Help.class);
        assertThat(((StaffCommand.Help) command).problem()).isNotNull();
        assertThat(((StaffCommand.Help) command).usage()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2500|2500", "2.500|2500", "150.000.000|150000000", "1,5jt|1500000",
            "1.5jt|1500000", "Rp150jt|150000000", "2 cr|20000000", "99.99|99.99", "5k|5000"})
    void amountsAsWritten(String written, String expected) {
        assertThat(StaffCommandParser.amount(written)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap", "1.2.3", "12,34,56", "-5", "1.234"})
    void notAnAmountOrAmbiguous(String written) {
        if (written.equals("1.234")) {
            // A dot before three digits separates thousands, as staff in Indonesia write it.
            assertThat(StaffCommandParser.amount(written)).contains(new BigDecimal("1234"));
        } else {
            assertThat(StaffCommandParser.amount(written)).isEmpty();
        }
    }

    @Test
    void onlySlashFormsOfKnownCommandsCountAsCommandsFromStrangers() {
        assertThat(StaffCommandParser.isSlashCommand("/status FX3 sold")).isTrue();
        assertThat(StaffCommandParser.isSlashCommand("/help")).isTrue();
        assertThat(StaffCommandParser.isSlashCommand("/pause")).as("misused, still a command").isTrue();
        assertThat(StaffCommandParser.isSlashCommand("cek stok fx3")).as("a customer may say this").isFalse();
        assertThat(StaffCommandParser.isSlashCommand("/ hello there")).isFalse();
        assertThat(StaffCommandParser.isSlashCommand("price of fx3?")).isFalse();
    }
}
