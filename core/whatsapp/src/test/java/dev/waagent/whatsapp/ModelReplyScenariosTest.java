package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.RepairKind;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.ReplyDraft;
import dev.waagent.domain.reply.ReplyOption;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.RichMessagePolicy;
import dev.waagent.domain.reply.RichReplyPlanner;
import dev.waagent.domain.reply.WhatsAppFormatter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of issue 6 on a scenario set of 100 model replies (src/test/resources/reply-scenarios): how many needed
 * repair, which forms were chosen, and how many outbound requests the schema check refused (goal 0). Written to
 * {@code target/reply-scenarios-figures.txt}.
 */
class ModelReplyScenariosTest {

    private static final String TO = "6281234567890";

    private final MetaSendSchema schema = MetaSendSchema.get();
    private final RichReplyPlanner planner = new RichReplyPlanner();
    private final ReplyRepair repair = new ReplyRepair();

    /**
     * The form the model asked for, without the planner's judgement: its options (given, or its closing choice list)
     * as buttons when 1–3, else as a list with their descriptions; a card when it showed a photo.
     */
    private static Reply asAsked(ReplyDraft draft) {
        RichReplyPlanner.OfferedChoice offered = draft.options().isEmpty() ? RichReplyPlanner.offeredChoice(draft.text())
                : new RichReplyPlanner.OfferedChoice(WhatsAppFormatter.fromMarkdown(draft.text()), draft.options());
        List<ReplyButton> buttons = offered.options().size() <= 3
                ? offered.options().stream().map(o -> new ReplyButton(o.id(), o.title())).toList() : List.of();
        if (draft.card() != null) {
            return new Reply.Card(draft.card().image(), buttons.isEmpty() ? WhatsAppFormatter.fromMarkdown(draft.text()) : offered.body(), null, buttons);
        }
        if (offered.options().isEmpty()) {
            return new Reply.Text(offered.body());
        }
        if (!buttons.isEmpty()) {
            return new Reply.Buttons(null, offered.body(), null, buttons);
        }
        List<ListRow> rows = offered.options().stream().map(o -> new ListRow(o.id(), o.title(), o.description())).toList();
        return new Reply.ListMenu(null, offered.body(), null, "Options", List.of(new ListSection(null, rows)));
    }

    @Test
    void theScenarioSetNeedsFewRepairsAndNoRequestIsRefused() throws IOException {
        List<Scenario> scenarios = load();
        assertThat(scenarios).hasSize(100);

        StringBuilder report = new StringBuilder();
        Figures rich = run(scenarios, RichMessagePolicy.ALL, report);
        Figures text = run(scenarios, RichMessagePolicy.TEXT_ONLY, report);
        Figures forced = run(scenarios, null, report);
        long markdown = scenarios.stream().filter(s -> !WhatsAppFormatter.fromMarkdown(s.draft().text()).equals(s.draft().text().strip())).count();
        long over4096 = scenarios.stream().filter(s -> s.draft().text().length() > 4096).count();
        report.insert(0, "scenarios: " + scenarios.size() + "; Markdown converted: " + markdown + "; over 4096 characters: " + over4096 + "\n");
        Path out = Path.of("target", "reply-scenarios-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);

        assertThat(rich.refused).as("requests refused by the schema check (rich)").isEmpty();
        assertThat(text.refused).as("requests refused by the schema check (text only)").isEmpty();
        assertThat(forced.refused).as("requests refused by the schema check (model's form as asked)").isEmpty();
        assertThat(rich.needingRepair).isLessThanOrEqualTo(20);
    }

    private Figures run(List<Scenario> scenarios, RichMessagePolicy policy, StringBuilder report) {
        Figures figures = new Figures();
        Map<String, Integer> firstForms = new TreeMap<>();
        Map<RepairKind, Integer> kinds = new TreeMap<>();
        List<String> repairedIds = new ArrayList<>();
        StringBuilder perScenario = new StringBuilder("   ");
        for (Scenario scenario : scenarios) {
            RepairResult result = policy == null ? repair.repair(asAsked(scenario.draft())) : planner.compose(scenario.draft(), policy);
            assertThat(result.sendable()).as(scenario.id()).isTrue();
            String forms = String.join("+", result.parts().stream().map(OutboundPart::form).distinct().toList());
            firstForms.merge(forms, 1, Integer::sum);
            perScenario.append(perScenario.length() % 120 > 100 ? "\n    " : " ").append(scenario.id().split(" ")[0]).append('=').append(forms);
            figures.parts += result.parts().size();
            if (result.repaired()) {
                figures.needingRepair++;
                repairedIds.add(scenario.id() + " " + result.repairs());
                result.repairs().forEach(kind -> kinds.merge(kind, 1, Integer::sum));
            }
            for (OutboundPart part : result.parts()) {
                JsonNode request = GraphApiPayloads.replyMessage(TO, part.content(), null);
                figures.requests++;
                List<String> problems = new ArrayList<>(schema.refusals(request));
                GraphRequestCheck.check(request).ifPresent(error -> problems.add(error.summary()));
                if (!problems.isEmpty()) {
                    figures.refused.add(scenario.id() + " " + part.form() + " " + problems);
                }
            }
        }
        report.append("\n").append(policy == null ? "the model's form as asked (no planner: options to buttons/list as given)"
                        : "planner, " + policy).append('\n')
                .append("  needed repair: ").append(figures.needingRepair).append(" of ").append(scenarios.size())
                .append(String.format(" (%.0f %%)%n", 100.0 * figures.needingRepair / scenarios.size()))
                .append("  parts sent: ").append(figures.parts).append("; requests built: ").append(figures.requests)
                .append("; refused by schema/limit check: ").append(figures.refused.size()).append('\n')
                .append("  forms: ").append(firstForms).append('\n')
                .append("  repairs: ").append(kinds).append('\n');
        repairedIds.forEach(id -> report.append("    ").append(id).append('\n'));
        report.append("  form per scenario:\n ").append(perScenario).append('\n');
        figures.refused.forEach(refusal -> report.append("  REFUSED ").append(refusal).append('\n'));
        return figures;
    }

    private static final class Figures {
        int needingRepair;
        int parts;
        int requests;
        final List<String> refused = new ArrayList<>();
    }

    record Scenario(String id, ReplyDraft draft) {
    }

    static List<Scenario> load() throws IOException {
        String all;
        try (InputStream in = ModelReplyScenariosTest.class.getResourceAsStream("/reply-scenarios/model-replies.txt")) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Scenario> scenarios = new ArrayList<>();
        String header = null;
        StringBuilder text = new StringBuilder();
        for (String line : all.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (header != null) {
                    scenarios.add(scenario(header, text.toString()));
                }
                header = line.substring(4);
                text.setLength(0);
            } else if (header != null) {
                text.append(line).append('\n');
            }
        }
        if (header != null) {
            scenarios.add(scenario(header, text.toString()));
        }
        return scenarios;
    }

    /** {@code id tenant [options=a|b::description] [card=url|title]} (options and card run to the next " key="). */
    private static Scenario scenario(String header, String text) {
        String id = header.split(" ")[0] + " " + header.split(" ")[1];
        List<ReplyOption> options = new ArrayList<>();
        ReplyDraft.CardItem card = null;
        String optionList = attribute(header, "options=");
        if (optionList != null) {
            int n = 0;
            for (String option : optionList.split("\\|")) {
                String[] parts = option.split("::", 2);
                options.add(new ReplyOption("opt-" + (++n), parts[0], parts.length > 1 ? parts[1] : null));
            }
        }
        String cardValue = attribute(header, "card=");
        if (cardValue != null) {
            String[] parts = cardValue.split("\\|", 2);
            card = new ReplyDraft.CardItem(parts.length > 1 ? parts[1] : null, MediaRef.link(parts[0]));
        }
        return new Scenario(id, new ReplyDraft(text.strip(), options, card));
    }

    private static String attribute(String header, String key) {
        int start = header.indexOf(" " + key);
        if (start < 0) {
            return null;
        }
        start += key.length() + 1;
        int end = header.length();
        for (String other : List.of(" options=", " card=")) {
            int next = header.indexOf(other, start);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return header.substring(start, end).strip();
    }
}
