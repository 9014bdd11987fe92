package dev.waagent.domain.intent;

import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.reply.ManualClock;
import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The router with the model-free stages (rules and lexical); the embedding stage with an embedder that fails. */
class IntentRouterTest {

    private static final Tenant TENANT = new Tenant("pune-camera", "Pune Camera Rentals", "whatsapp", "0", null, null, null,
            "Asha", "Friendly.", "Open 10-20.", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);

    private final LexicalIntentStage lexical = new LexicalIntentStage(IntentExemplars.shipped(), IntentSettings.defaults());

    @Test
    void aMessageNoRuleExplainsIsDecidedByTheLexicalStageWhenItIsConfident() {
        IntentRouter router = new IntentRouter(null, lexical, null, IntentObserver.NONE);

        assertThat(router.resolveWithoutModel("mesinnya kecewa banget, mogok terus"))
                .isEqualTo(new IntentResolution(List.of(Intent.COMPLAINT), IntentStage.RULES, false));
        assertThat(router.resolveWithoutModel("sales tolong hubungkan"))
                .isEqualTo(new IntentResolution(List.of(Intent.HUMAN_REQUEST), IntentStage.LEXICAL, false));
    }

    @Test
    void whatTheRulesSettleStaysWithTheRules() {
        IntentRouter router = new IntentRouter(null, lexical, null, IntentObserver.NONE);

        assertThat(router.resolveWithoutModel("is parking available at your shop"))
                .isEqualTo(new IntentResolution(List.of(Intent.GENERAL_QUESTION), IntentStage.RULES, false));
        assertThat(router.resolveWithoutModel("hi\ndo you have the FX3?\nand the price for 2 days?"))
                .isEqualTo(new IntentResolution(List.of(Intent.GREETING, Intent.AVAILABILITY, Intent.PRICING),
                        IntentStage.RULES, false));
    }

    @Test
    void theObserverIsToldWhichStageDecidedEachCustomerTurn() {
        List<String> told = new ArrayList<>();
        IntentRouter router = new IntentRouter(null, lexical, null,
                (tenantId, resolution) -> told.add(tenantId + ":" + resolution.stage().wireName()));

        router.resolve(TENANT, "how much is the FX3 per day?", Duration.ofSeconds(2));
        router.resolve(TENANT, "sales tolong hubungkan", Duration.ofSeconds(2));
        router.resolveWithoutModel("how much is the FX3 per day?");

        assertThat(told).containsExactly("pune-camera:rules", "pune-camera:lexical");
    }

    @Test
    void aFailingEmbedderSitsOutTheCooldownWhileTheLexicalStageCarriesOnThenIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        Embedder down = new Embedder() {
            public String modelName() {
                return "remote";
            }

            public int dimensions() {
                return 3;
            }

            public float[] embed(String text) {
                calls.incrementAndGet();
                throw new IllegalStateException("connection refused");
            }

            public List<float[]> embedAll(List<String> texts) {
                calls.incrementAndGet();
                throw new IllegalStateException("connection refused");
            }
        };
        ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));
        IntentSettings settings = IntentSettings.defaults();
        IntentRouter router = new IntentRouter(new EmbeddingIntentStage(down, IntentExemplars.shipped(), settings, clock),
                lexical, null, IntentObserver.NONE);

        IntentResolution first = router.resolveWithoutModel("sales tolong hubungkan");
        clock.advance(settings.embeddingCooldown().minusSeconds(1));
        IntentResolution duringCooldown = router.resolveWithoutModel("sales tolong hubungkan");

        assertThat(calls).hasValue(1);
        assertThat(first).isEqualTo(duringCooldown)
                .isEqualTo(new IntentResolution(List.of(Intent.HUMAN_REQUEST), IntentStage.LEXICAL, false));

        clock.advance(Duration.ofSeconds(2));
        router.resolveWithoutModel("sales tolong hubungkan");

        assertThat(calls).hasValue(2);
    }
}
