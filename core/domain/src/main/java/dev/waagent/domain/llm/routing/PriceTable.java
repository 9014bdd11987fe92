package dev.waagent.domain.llm.routing;

import dev.waagent.domain.llm.TokenUsage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** US dollars per million prompt and completion tokens, by model id. Unknown models cost nothing (and say so). */
public final class PriceTable {

    /** Price of one model. */
    public record Price(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private final Map<String, Price> prices;

    public PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    public boolean knows(String model) {
        return model != null && prices.containsKey(model);
    }

    public BigDecimal cost(String model, TokenUsage usage) {
        Price price = model == null ? null : prices.get(model);
        if (price == null || usage == null) {
            return BigDecimal.ZERO;
        }
        return price.promptPerMillion().multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(price.completionPerMillion().multiply(BigDecimal.valueOf(usage.completionTokens())))
                .divide(MILLION, 8, RoundingMode.HALF_UP);
    }
}
