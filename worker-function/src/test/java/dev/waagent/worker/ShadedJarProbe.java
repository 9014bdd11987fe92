package dev.waagent.worker;

import dev.waagent.llm.OpenAiCompatibleProvider;
import dev.waagent.llm.OpenAiCompatibleSettings;
import dev.waagent.llm.TokenCounter;

import java.net.URI;
import java.time.Duration;

/**
 * Run by {@link ShadedWorkerJarIT} on the deployable jar alone: loads the handler and drives the OpenAI client's
 * whole request path (in memory), which fails if trimming the jar removed a class the path needs.
 */
public final class ShadedJarProbe {

    private ShadedJarProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName("dev.waagent.worker.WorkerHandler");
        try (OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider(new OpenAiCompatibleSettings("probe",
                URI.create("https://api.openai.com/v1"), "sk-probe", "gpt-4o-mini", Duration.ofSeconds(5)), new TokenCounter())) {
            provider.prime();
        }
        System.out.println("SHADED-JAR-OK");
    }
}
