package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.TemplateMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the sender can build, checked against Meta's OpenAPI schema ({@link MetaSendSchema}), the limits table
 * ({@link GraphRequestCheck}) and, where Meta publishes one, the documented body itself.
 */
class ReplyRequestsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TO = "+16505551234";

    private final MetaSendSchema schema = MetaSendSchema.get();

    // ------------------------------------------------------------------------------ bodies exactly as documented

    @Test
    void aCardWithButtonsIsMetasDocumentedReplyButtonsRequestWithImageHeader() throws IOException {
        Reply card = new Reply.Card(MediaRef.uploaded("2762702990552401"),
                "Hi Pablo! Your gardening workshop is scheduled for 9am tomorrow. Use the buttons if you need to reschedule. Thank you!",
                "Lucky Shrub: Your gateway to succulents!™",
                List.of(new ReplyButton("change-button", "Change"), new ReplyButton("cancel-button", "Cancel")));

        assertThat(build(card)).isEqualTo(MAPPER.readTree(MetaFixtures.read("docs-meta/send/interactive_reply_buttons_request.json")));
    }

    @Test
    void aListIsMetasDocumentedListRequest() throws IOException {
        Reply list = new Reply.ListMenu("Choose Shipping Option", "Which shipping option do you prefer?",
                "Lucky Shrub: Your gateway to succulents™", "Shipping Options", List.of(
                new ListSection("I want it ASAP!", List.of(
                        new ListRow("priority_express", "Priority Mail Express", "Next Day to 2 Days"),
                        new ListRow("priority_mail", "Priority Mail", "1–3 Days"))),
                new ListSection("I can wait a bit", List.of(
                        new ListRow("usps_ground_advantage", "USPS Ground Advantage", "2–5 Days"),
                        new ListRow("media_mail", "Media Mail", "2–8 Days")))));

        assertThat(build(list)).isEqualTo(MAPPER.readTree(MetaFixtures.read("docs-meta/send/interactive_list_request.json")));
    }

    @Test
    void aCardWithoutButtonsIsMetasDocumentedImageRequest() throws IOException {
        Reply card = new Reply.Card(MediaRef.uploaded("1479537139650973"), "The best succulent ever?", null, List.of());

        assertThat(build(card)).isEqualTo(MAPPER.readTree(MetaFixtures.read("docs-meta/send/image_by_id_request.json")));
    }

    @Test
    void replyButtonsAndAQuotedReplyHaveTheDocumentedShape() throws IOException {
        ObjectNode expected = (ObjectNode) MAPPER.readTree(MetaFixtures.read("openapi-v23/send-request-examples/send_reply_button.json"));
        expected.put("to", TO);
        Reply buttons = new Reply.Buttons(null, "<BUTTON_TEXT>", null, List.of(
                new ReplyButton("<UNIQUE_BUTTON_ID_1>", "<BUTTON_TITLE_1>"), new ReplyButton("<UNIQUE_BUTTON_ID_2>", "<BUTTON_TITLE_2>")));
        assertThat(build(buttons)).isEqualTo(expected);

        JsonNode quoted = GraphApiPayloads.replyMessage(TO, buttons, "wamid.ABC");
        assertThat(quoted.at("/context/message_id").asText()).isEqualTo("wamid.ABC");
    }

    @Test
    void aTemplateCarriesItsBodyParametersAsDocumented() throws IOException {
        JsonNode built = build(new TemplateMessage("booking_reminder", "en_US", List.of("Budi", "tomorrow 08:00")));

        assertThat(built).isEqualTo(MAPPER.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
                 "template":{"name":"booking_reminder","language":{"policy":"deterministic","code":"en_US"},
                  "components":[{"type":"body","parameters":[{"type":"text","text":"Budi"},{"type":"text","text":"tomorrow 08:00"}]}]}}"""));
        JsonNode withoutParameters = build(new TemplateMessage("hello_world", "en_US", List.of()));
        assertThat(withoutParameters.at("/template").has("components")).isFalse();
        assertThat(schema.refusals(withoutParameters)).isEmpty();
    }

    // ------------------------------------------------------------------------------ the schema check itself

    @ParameterizedTest
    @ValueSource(strings = {"docs-meta/send/interactive_reply_buttons_request.json", "docs-meta/send/interactive_list_request.json",
            "docs-meta/send/image_by_id_request.json", "docs-meta/send/text_request.json", "docs-meta/send/mark_as_read_request.json",
            "docs-meta/send/typing_indicator_and_read_request.json", "openapi-v23/send-request-examples/send_reply_button.json",
            "openapi-v23/send-request-examples/send_list_message.json", "openapi-v23/send-request-examples/send_image_message_by_id.json",
            "openapi-v23/send-request-examples/send_reply_to_text_message.json", "openapi-v23/send-request-examples/send_text_message.json"})
    void metasOwnExamplesOfTheFormsWeSendPassTheSchemaAndTheCheck(String fixture) throws IOException {
        JsonNode example = MAPPER.readTree(MetaFixtures.read(fixture));
        assertThat(schema.refusals(example)).isEmpty();
        assertThat(GraphRequestCheck.check(example)).isEmpty();
    }

    @Test
    void metasTemplateExamplesLackOnlyTheLanguagePolicyTheSchemaRequires() throws IOException {
        ObjectNode example = (ObjectNode) MAPPER.readTree(MetaFixtures.read("openapi-v23/send-request-examples/send_message_template_text.json"));
        assertThat(schema.refusals(example)).anySatisfy(refusal -> assertThat(refusal).contains("policy"));

        ((ObjectNode) example.at("/template/language")).put("policy", "deterministic");
        assertThat(schema.refusals(example)).isEmpty();
    }

    /** Over each limit by one: the schema (where it states the limit) and the check both refuse. */
    @Test
    void overLimitRequestsAreRefusedByTheSchemaAndTheCheck() {
        Map<String, Consumer<ObjectNode>> schemaAndCheck = Map.of(
                "button title 21", r -> ((ObjectNode) r.at("/interactive/action/buttons/0/reply")).put("title", "t".repeat(21)),
                "button id 257", r -> ((ObjectNode) r.at("/interactive/action/buttons/0/reply")).put("id", "i".repeat(257)),
                "4 buttons", r -> {
                    ArrayNode buttons = (ArrayNode) r.at("/interactive/action/buttons");
                    buttons.add(buttons.get(0).deepCopy());
                    buttons.add(buttons.get(0).deepCopy());
                },
                "body 1025", r -> ((ObjectNode) r.at("/interactive/body")).put("text", "b".repeat(1025)),
                "header 61", r -> ((ObjectNode) r.at("/interactive")).putObject("header").put("type", "text").put("text", "h".repeat(61)),
                "footer 61", r -> ((ObjectNode) r.at("/interactive")).putObject("footer").put("text", "f".repeat(61)));
        schemaAndCheck.forEach((name, mutation) -> {
            ObjectNode request = (ObjectNode) build(validButtons());
            mutation.accept(request);
            assertThat(schema.refusals(request)).as(name).isNotEmpty();
            assertThat(GraphRequestCheck.check(request)).as(name).isPresent();
        });

        Map<String, Consumer<ObjectNode>> listMutations = Map.of(
                "row title 25", r -> ((ObjectNode) r.at("/interactive/action/sections/0/rows/0")).put("title", "t".repeat(25)),
                "row description 73", r -> ((ObjectNode) r.at("/interactive/action/sections/0/rows/0")).put("description", "d".repeat(73)),
                "row id 201", r -> ((ObjectNode) r.at("/interactive/action/sections/0/rows/0")).put("id", "i".repeat(201)),
                "section title 25", r -> ((ObjectNode) r.at("/interactive/action/sections/0")).put("title", "s".repeat(25)),
                "label 21", r -> ((ObjectNode) r.at("/interactive/action")).put("button", "l".repeat(21)));
        listMutations.forEach((name, mutation) -> {
            ObjectNode request = (ObjectNode) build(validList(2));
            mutation.accept(request);
            assertThat(schema.refusals(request)).as(name).isNotEmpty();
            assertThat(GraphRequestCheck.check(request)).as(name).isPresent();
        });

        ObjectNode text = (ObjectNode) build(new Reply.Text("x"));
        ((ObjectNode) text.get("text")).put("body", "x".repeat(4097));
        assertThat(schema.refusals(text)).isNotEmpty();
        assertThat(GraphRequestCheck.check(text)).hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(100));

        ObjectNode image = (ObjectNode) build(new Reply.Card(MediaRef.link("https://img.example.com/a.jpg"), "c", null, List.of()));
        ((ObjectNode) image.get("image")).put("caption", "c".repeat(1025));
        assertThat(schema.refusals(image)).isNotEmpty();
        assertThat(GraphRequestCheck.check(image)).isPresent();
    }

    /** Rules of the limits table the schema cannot state: only the check refuses these. */
    @Test
    void limitsBeyondTheSchemaAreRefusedByTheCheck() {
        ObjectNode elevenRows = (ObjectNode) build(validList(2));
        ArrayNode rows = (ArrayNode) elevenRows.at("/interactive/action/sections/1/rows");
        for (int i = 2; i < 11; i++) {
            rows.addObject().put("id", "more-" + i).put("title", "More " + i);
        }
        assertThat(GraphRequestCheck.check(elevenRows)).hasValueSatisfying(error ->
                assertThat(error.details()).contains("at most 10 rows in total"));

        ObjectNode sameTitles = (ObjectNode) build(validButtons());
        ((ObjectNode) sameTitles.at("/interactive/action/buttons/1/reply")).put("title", "yes");
        assertThat(GraphRequestCheck.check(sameTitles)).hasValueSatisfying(error -> assertThat(error.details()).contains("unique"));

        ObjectNode untitledSection = (ObjectNode) build(validList(2));
        ((ObjectNode) untitledSection.at("/interactive/action/sections/1")).remove("title");
        assertThat(GraphRequestCheck.check(untitledSection)).isPresent();

        ObjectNode brokenParameter = (ObjectNode) build(new TemplateMessage("booking_reminder", "en_US", List.of("Budi")));
        ((ObjectNode) brokenParameter.at("/template/components/0/parameters/0")).put("text", "Budi\nSantoso");
        assertThat(GraphRequestCheck.check(brokenParameter)).isPresent();
    }

    // ------------------------------------------------------------------------------ everything the sender can build

    @Test
    void everyRepairedReplyOverThousandsOfGeneratedOnesPassesTheSchemaAndTheCheck() {
        RandomReplies replies = new RandomReplies(42L);
        ReplyRepair repair = new ReplyRepair();
        Map<String, Integer> forms = new java.util.TreeMap<>();
        List<String> refused = new ArrayList<>();
        int requests = 0;
        for (int i = 0; i < 3_000; i++) {
            RepairResult result = repair.repair(replies.next());
            for (OutboundPart part : result.parts()) {
                for (String replyTo : new String[]{null, "wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA="}) {
                    JsonNode request = GraphApiPayloads.replyMessage(TO, part.content(), replyTo);
                    requests++;
                    forms.merge(part.form(), 1, Integer::sum);
                    List<String> problems = new ArrayList<>(schema.refusals(request));
                    GraphRequestCheck.check(request).ifPresent(error -> problems.add(error.summary()));
                    if (!problems.isEmpty()) {
                        refused.add(part.form() + " " + problems);
                    }
                }
            }
        }
        assertThat(refused).as("refused of %d requests", requests).isEmpty();
        assertThat(forms.keySet()).containsExactly("buttons", "card", "list", "template", "text");
    }

    @Test
    void readReceiptsWithAndWithoutTypingIndicatorPassTheSchemaAndTheCheck() {
        for (boolean typing : new boolean[]{true, false}) {
            JsonNode receipt = GraphApiPayloads.readReceipt("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", typing);
            assertThat(schema.refusals(receipt)).isEmpty();
            assertThat(GraphRequestCheck.check(receipt)).isEmpty();
        }
    }

    private static JsonNode build(Reply reply) {
        return GraphApiPayloads.replyMessage(TO, reply, null);
    }

    private static Reply validButtons() {
        return new Reply.Buttons(null, "Shall I book it?", null, List.of(new ReplyButton("yes", "Yes"), new ReplyButton("no", "No")));
    }

    private static Reply validList(int sections) {
        List<ListSection> out = new ArrayList<>();
        for (int s = 0; s < sections; s++) {
            out.add(new ListSection("Section " + s, List.of(new ListRow("r" + s, "Row " + s, "desc"))));
        }
        return new Reply.ListMenu(null, "Pick one", null, "Options", out);
    }
}
