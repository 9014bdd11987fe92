package dev.waagent.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The table schemas of the items, declared attribute by attribute. {@code TableSchema.fromBean} builds the same
 * thing by introspecting the beans at run time (java.beans, method handles, generated lambdas), which cost the
 * webhook a large share of its cold start. Attribute names are the bean property names, exactly what
 * {@code fromBean} used, so stored items read the same. {@code ItemSchemasTest} fails when an item gains a property
 * this file does not declare, or declares one differently from {@code fromBean}.
 */
final class ItemSchemas {

    /** Conversations, messages and delivery records: keys {@code pk}/{@code sk}, GSI {@code due-index}. */
    static final TableSchema<ConversationTableItem> CONVERSATION = StaticTableSchema.builder(ConversationTableItem.class)
            .newItemSupplier(ConversationTableItem::new)
            .addAttribute(EnhancedType.of(String.class), a -> a.name("pk").getter(ConversationTableItem::getPk).setter(ConversationTableItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("sk").getter(ConversationTableItem::getSk).setter(ConversationTableItem::setSk).tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("kind").getter(ConversationTableItem::getKind).setter(ConversationTableItem::setKind))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("tenantId").getter(ConversationTableItem::getTenantId).setter(ConversationTableItem::setTenantId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("customerId").getter(ConversationTableItem::getCustomerId).setter(ConversationTableItem::setCustomerId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("customerName").getter(ConversationTableItem::getCustomerName).setter(ConversationTableItem::setCustomerName))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("status").getter(ConversationTableItem::getStatus).setter(ConversationTableItem::setStatus))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("lastInboundAt").getter(ConversationTableItem::getLastInboundAt).setter(ConversationTableItem::setLastInboundAt))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("lastOutboundAt").getter(ConversationTableItem::getLastOutboundAt).setter(ConversationTableItem::setLastOutboundAt))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("messageId").getter(ConversationTableItem::getMessageId).setter(ConversationTableItem::setMessageId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("platformId").getter(ConversationTableItem::getPlatformId).setter(ConversationTableItem::setPlatformId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("direction").getter(ConversationTableItem::getDirection).setter(ConversationTableItem::setDirection))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("type").getter(ConversationTableItem::getType).setter(ConversationTableItem::setType))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("rawType").getter(ConversationTableItem::getRawType).setter(ConversationTableItem::setRawType))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("text").getter(ConversationTableItem::getText).setter(ConversationTableItem::setText))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("sentAt").getter(ConversationTableItem::getSentAt).setter(ConversationTableItem::setSentAt))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("receivedAt").getter(ConversationTableItem::getReceivedAt).setter(ConversationTableItem::setReceivedAt))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("answeredBy").getter(ConversationTableItem::getAnsweredBy).setter(ConversationTableItem::setAnsweredBy))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("turnId").getter(ConversationTableItem::getTurnId).setter(ConversationTableItem::setTurnId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("delivery").getter(ConversationTableItem::getDelivery).setter(ConversationTableItem::setDelivery))
            .addAttribute(EnhancedType.of(Integer.class), a -> a.name("deliveryRank").getter(ConversationTableItem::getDeliveryRank).setter(ConversationTableItem::setDeliveryRank))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("deliveryAt").getter(ConversationTableItem::getDeliveryAt).setter(ConversationTableItem::setDeliveryAt))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("errorCode").getter(ConversationTableItem::getErrorCode).setter(ConversationTableItem::setErrorCode))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("errorTitle").getter(ConversationTableItem::getErrorTitle).setter(ConversationTableItem::setErrorTitle))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("replyTo").getter(ConversationTableItem::getReplyTo).setter(ConversationTableItem::setReplyTo))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("provider").getter(ConversationTableItem::getProvider).setter(ConversationTableItem::setProvider))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("model").getter(ConversationTableItem::getModel).setter(ConversationTableItem::setModel))
            .addAttribute(EnhancedType.of(Integer.class), a -> a.name("promptTokens").getter(ConversationTableItem::getPromptTokens).setter(ConversationTableItem::setPromptTokens))
            .addAttribute(EnhancedType.of(Integer.class), a -> a.name("completionTokens").getter(ConversationTableItem::getCompletionTokens).setter(ConversationTableItem::setCompletionTokens))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("latencyMs").getter(ConversationTableItem::getLatencyMs).setter(ConversationTableItem::setLatencyMs))
            .addAttribute(EnhancedType.of(Integer.class), a -> a.name("fallbacks").getter(ConversationTableItem::getFallbacks).setter(ConversationTableItem::setFallbacks))
            .addAttribute(EnhancedType.of(Boolean.class), a -> a.name("needsHuman").getter(ConversationTableItem::getNeedsHuman).setter(ConversationTableItem::setNeedsHuman))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("messageSk").getter(ConversationTableItem::getMessageSk).setter(ConversationTableItem::setMessageSk))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("expiresAt").getter(ConversationTableItem::getExpiresAt).setter(ConversationTableItem::setExpiresAt))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("attributes").getter(ConversationTableItem::getAttributes).setter(ConversationTableItem::setAttributes))
            .addAttribute(EnhancedType.of(Double.class), a -> a.name("costUsd").getter(ConversationTableItem::getCostUsd).setter(ConversationTableItem::setCostUsd))
            .addAttribute(EnhancedType.of(Double.class), a -> a.name("confidence").getter(ConversationTableItem::getConfidence).setter(ConversationTableItem::setConfidence))
            .addAttribute(EnhancedType.of(Boolean.class), a -> a.name("cacheHit").getter(ConversationTableItem::getCacheHit).setter(ConversationTableItem::setCacheHit))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("complexity").getter(ConversationTableItem::getComplexity).setter(ConversationTableItem::setComplexity))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("route").getter(ConversationTableItem::getRoute).setter(ConversationTableItem::setRoute))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("sendingUntil").getter(ConversationTableItem::getSendingUntil).setter(ConversationTableItem::setSendingUntil))
            .addAttribute(EnhancedType.of(Boolean.class), a -> a.name("optedOut").getter(ConversationTableItem::getOptedOut).setter(ConversationTableItem::setOptedOut))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("handoffReason").getter(ConversationTableItem::getHandoffReason).setter(ConversationTableItem::setHandoffReason))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("dueBucket").getter(ConversationTableItem::getDueBucket).setter(ConversationTableItem::setDueBucket).tags(StaticAttributeTags.secondaryPartitionKey(Keys.DUE_INDEX)))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("dueAt").getter(ConversationTableItem::getDueAt).setter(ConversationTableItem::setDueAt).tags(StaticAttributeTags.secondarySortKey(Keys.DUE_INDEX)))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("summary").getter(ConversationTableItem::getSummary).setter(ConversationTableItem::setSummary))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("keyFacts").getter(ConversationTableItem::getKeyFacts).setter(ConversationTableItem::setKeyFacts))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("keyFactsAt").getter(ConversationTableItem::getKeyFactsAt).setter(ConversationTableItem::setKeyFactsAt))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("summarizedThrough").getter(ConversationTableItem::getSummarizedThrough).setter(ConversationTableItem::setSummarizedThrough))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("contextFrom").getter(ConversationTableItem::getContextFrom).setter(ConversationTableItem::setContextFrom))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("expiredFor").getter(ConversationTableItem::getExpiredFor).setter(ConversationTableItem::setExpiredFor))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("returnedToBotAt").getter(ConversationTableItem::getReturnedToBotAt).setter(ConversationTableItem::setReturnedToBotAt))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("summarySource").getter(ConversationTableItem::getSummarySource).setter(ConversationTableItem::setSummarySource))
            .addAttribute(EnhancedType.of(Long.class), a -> a.name("windowClosedAt").getter(ConversationTableItem::getWindowClosedAt).setter(ConversationTableItem::setWindowClosedAt))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("content").getter(ConversationTableItem::getContent).setter(ConversationTableItem::setContent))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("intents").getter(ConversationTableItem::getIntents).setter(ConversationTableItem::setIntents))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("intentStage").getter(ConversationTableItem::getIntentStage).setter(ConversationTableItem::setIntentStage))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("partKeys").getter(ConversationTableItem::getPartKeys).setter(ConversationTableItem::setPartKeys))
            .addAttribute(EnhancedType.listOf(EnhancedType.mapOf(String.class, String.class)), a -> a.name("openRequests").getter(ConversationTableItem::getOpenRequests).setter(ConversationTableItem::setOpenRequests))
            .build();

    /** Tenants and their routing entries: key {@code pk}. */
    static final TableSchema<TenantItem> TENANT = StaticTableSchema.builder(TenantItem.class)
            .newItemSupplier(TenantItem::new)
            .addAttribute(EnhancedType.of(String.class), a -> a.name("pk").getter(TenantItem::getPk).setter(TenantItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("tenantId").getter(TenantItem::getTenantId).setter(TenantItem::setTenantId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("name").getter(TenantItem::getName).setter(TenantItem::setName))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("channel").getter(TenantItem::getChannel).setter(TenantItem::setChannel))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("businessNumberId").getter(TenantItem::getBusinessNumberId).setter(TenantItem::setBusinessNumberId))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("displayPhoneNumber").getter(TenantItem::getDisplayPhoneNumber).setter(TenantItem::setDisplayPhoneNumber))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("appSecretRef").getter(TenantItem::getAppSecretRef).setter(TenantItem::setAppSecretRef))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("accessTokenRef").getter(TenantItem::getAccessTokenRef).setter(TenantItem::setAccessTokenRef))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("agentName").getter(TenantItem::getAgentName).setter(TenantItem::setAgentName))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("persona").getter(TenantItem::getPersona).setter(TenantItem::setPersona))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("businessFacts").getter(TenantItem::getBusinessFacts).setter(TenantItem::setBusinessFacts))
            .addAttribute(EnhancedType.of(String.class), a -> a.name("timezone").getter(TenantItem::getTimezone).setter(TenantItem::setTimezone))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("languages").getter(TenantItem::getLanguages).setter(TenantItem::setLanguages))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("providerOrder").getter(TenantItem::getProviderOrder).setter(TenantItem::setProviderOrder))
            .addAttribute(EnhancedType.of(Boolean.class), a -> a.name("active").getter(TenantItem::getActive).setter(TenantItem::setActive))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("staff").getter(TenantItem::getStaff).setter(TenantItem::setStaff))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("openingHours").getter(TenantItem::getOpeningHours).setter(TenantItem::setOpeningHours))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("templates").getter(TenantItem::getTemplates).setter(TenantItem::setTemplates))
            .addAttribute(EnhancedType.of(Boolean.class), a -> a.name("richMessages").getter(TenantItem::getRichMessages).setter(TenantItem::setRichMessages))
            .build();

    private ItemSchemas() {
    }
}
