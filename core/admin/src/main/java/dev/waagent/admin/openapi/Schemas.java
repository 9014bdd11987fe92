package dev.waagent.admin.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as the OpenAPI description shows them. The controllers read bodies strictly themselves (unknown
 * fields, wrong types and limits are reported per field), so these records only document.
 */
public final class Schemas {

    private Schemas() {
    }

    @Schema(name = "TenantRequest", description = "name and phone_number_id are required; id is derived from the name when absent")
    public record TenantRequest(
            @Schema(example = "pune-camera-rentals") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Pune Camera Rentals") String name,
            @Schema(allowableValues = {"whatsapp", "twilio"}, defaultValue = "whatsapp") String channel,
            @JsonProperty("phone_number_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "109876543210001") String phoneNumberId,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("display_phone_number") String displayPhoneNumber,
            @JsonProperty("app_secret_ref") @Schema(description = "name of the app secret in the secret store, never the secret") String appSecretRef,
            @JsonProperty("access_token_ref") @Schema(description = "name of the access token in the secret store, never the token") String accessTokenRef,
            @Schema(example = "Asia/Kolkata", defaultValue = "UTC") String timezone,
            @JsonProperty("business_hours") @Schema(example = "{\"mon\": \"10:00-20:00\", \"sun\": \"closed\"}") Map<String, String> businessHours,
            @Schema(example = "[\"en\", \"hi\"]") List<String> languages,
            @JsonProperty("business_facts") String businessFacts,
            @Schema(allowableValues = {"active", "suspended"}) String status) {
    }

    @Schema(name = "AgentConfigurationRequest", description = "a full configuration; absent optional fields take their defaults")
    public record AgentConfigurationRequest(
            @Schema(description = "current version, for optimistic concurrency (409 when stale)") Long version,
            @JsonProperty("agent_name") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Asha") String agentName,
            @JsonProperty("personality_traits") List<String> personalityTraits,
            @Schema(allowableValues = {"friendly", "professional", "casual", "formal", "enthusiastic"}) String tone,
            @JsonProperty("persona_notes") String personaNotes,
            @JsonProperty("default_model") @Schema(example = "groq:llama-3.1-8b-instant") String defaultModel,
            @JsonProperty("fallback_models") List<String> fallbackModels,
            @JsonProperty("behavioural_restrictions") List<String> behaviouralRestrictions,
            @JsonProperty("required_disclaimers") List<String> requiredDisclaimers,
            @JsonProperty("confidence_threshold") @Schema(minimum = "0", maximum = "1", example = "0.55") Double confidenceThreshold,
            @JsonProperty("proactive_suggestions") Boolean proactiveSuggestions,
            @JsonProperty("spelling_correction") Boolean spellingCorrection,
            @JsonProperty("rich_messages") Boolean richMessages,
            @JsonProperty("handoff_rules") HandoffRulesRequest handoffRules) {
    }

    @Schema(name = "HandoffRules")
    public record HandoffRulesRequest(List<String> topics,
                                      @JsonProperty("max_consecutive_low_confidence") Integer maxConsecutiveLowConfidence,
                                      @JsonProperty("on_customer_request") Boolean onCustomerRequest) {
    }

    @Schema(name = "KnowledgeEntryRequest", description = "also one element of a JSON import array")
    public record KnowledgeEntryRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 10000) String content,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "example questions customers ask (up to 20)") List<String> questions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 80) String category,
            @Schema(allowableValues = {"faq", "policy", "document_chunk"}, defaultValue = "faq") String type,
            List<String> keywords,
            @Schema(minimum = "0", maximum = "100", defaultValue = "0") Integer priority,
            @Schema(defaultValue = "true") Boolean active,
            @Schema(description = "on PUT: current version, 409 when stale") Long version) {
    }

    @Schema(name = "CatalogItemRequest", description = "also one element of a JSON import array")
    public record CatalogItemRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CAM-FX3") String sku,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Sony FX3") String name,
            @Schema(example = "[\"fx 3\", \"fx3 cinema line\"]") List<String> aliases,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "cameras") String category,
            @Schema(minimum = "0", example = "3500") BigDecimal price,
            @Schema(example = "INR", description = "required with a price") String currency,
            @JsonProperty("price_unit") @Schema(allowableValues = {"per_hour", "per_day", "per_week", "per_month", "per_item"}) String priceUnit,
            Integer stock,
            @Schema(allowableValues = {"in_stock", "limited", "out_of_stock", "on_request"}) String availability,
            @Schema(example = "{\"mount\": \"E\", \"sensor\": \"full frame\"}") Map<String, Object> attributes,
            @JsonProperty("image_url") String imageUrl,
            Boolean active,
            Long version) {
    }

    @Schema(name = "StaffRequest")
    public record StaffRequest(@JsonProperty("wa_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "919812345678") String waId,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                               @Schema(allowableValues = {"owner", "staff"}, defaultValue = "staff") String role) {
    }

    @Schema(name = "ApprovedTemplateRequest")
    public record ApprovedTemplateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "follow_up_question") String name,
                                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "en_US") String language,
                                          @Schema(example = "[\"customer_name\", \"business_name\"]",
                                                  description = "what fills {{1}}, {{2}}, …: customer_name, topic, business_name, item, date; for "
                                                          + "staff_alert: business_name, customer, customer_name, reason, summary, staff_name")
                                          List<String> parameters) {
    }

    @Schema(name = "ApiKeyRequest")
    public record ApiKeyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "kb editor") String name,
                                @Schema(example = "[\"knowledge:write\"]") List<String> scopes) {
    }
}
