/**
 * Language-model providers for the fallback chain.
 *
 * <p>Public API, wired by the application: {@link dev.waagent.llm.OpenAiCompatibleProvider} (one per
 * configured OpenAI-compatible endpoint, described by {@link dev.waagent.llm.OpenAiCompatibleSettings}),
 * {@link dev.waagent.llm.LocalResponder} (the last resort, with an optional
 * {@link dev.waagent.llm.KnowledgeAnswerer}) and {@link dev.waagent.llm.TokenCounter} (the one token counter,
 * shared). Everything else in the package is package-private implementation.
 *
 * <p>Plain Java, no framework: constructors take everything they need.
 */
package dev.waagent.llm;
