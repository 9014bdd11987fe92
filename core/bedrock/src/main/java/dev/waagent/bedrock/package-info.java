/**
 * The Amazon Bedrock provider for the LLM fallback chain (Converse API, AWS SDK v2).
 *
 * <p>Public API, wired by the application: {@link dev.waagent.bedrock.BedrockConverseProvider} (one per configured
 * Bedrock model, described by {@link dev.waagent.bedrock.BedrockSettings}), sharing the one
 * {@link dev.waagent.llm.TokenCounter} with the other providers; {@link dev.waagent.bedrock.BedrockTitanEmbedder}, the
 * Titan embeddings {@link dev.waagent.domain.knowledge.Embedder} (InvokeModel). Everything else in the package is package-private
 * implementation.
 *
 * <p>Plain Java, no framework: constructors take everything they need.
 */
package dev.waagent.bedrock;
