package dev.waagent.worker;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.math.BigDecimal;

/**
 * {@code llm.prices.<model>.prompt} and {@code .completion}: US dollars per million tokens. Model ids with dots
 * or slashes are written as the YAML key in quotes.
 */
@EachProperty("llm.prices")
public class ModelPriceConfiguration {

    private final String model;
    private BigDecimal prompt = BigDecimal.ZERO;
    private BigDecimal completion = BigDecimal.ZERO;

    public ModelPriceConfiguration(@Parameter String model) {
        this.model = model;
    }

    public String getModel() {
        return model;
    }

    public BigDecimal getPrompt() {
        return prompt;
    }

    public void setPrompt(BigDecimal prompt) {
        this.prompt = prompt;
    }

    public BigDecimal getCompletion() {
        return completion;
    }

    public void setCompletion(BigDecimal completion) {
        this.completion = completion;
    }
}
