package dev.waagent.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One item of the single-table conversations layout (see {@link Keys}): a conversation state ({@code kind=CONV}),
 * a message ({@code MSG}) or an outbound delivery record ({@code DLV}). Attributes a kind does not use stay null
 * and are not written.
 */
@DynamoDbBean
public class ConversationTableItem {

    private String pk;
    private String sk;
    private String kind;
    private String tenantId;
    private String customerId;
    private String customerName;
    private String status;
    private Long lastInboundAt;
    private Long windowClosedAt;
    private String content;
    private Long lastOutboundAt;
    private String messageId;
    private String platformId;
    private String direction;
    private String type;
    private String rawType;
    private String text;
    private Long sentAt;
    private Long receivedAt;
    private String answeredBy;
    private String turnId;
    private String delivery;
    private Integer deliveryRank;
    private Long deliveryAt;
    private String errorCode;
    private String errorTitle;
    private String replyTo;
    private String provider;
    private String model;
    private Integer promptTokens;
    private Integer completionTokens;
    private Long latencyMs;
    private Integer fallbacks;
    private Boolean needsHuman;
    private String messageSk;
    private Long expiresAt;
    private java.util.Map<String, String> attributes;
    private Double costUsd;
    /** A bot reply's judged support, absent when the turn was not judged (the low-confidence streak skips it). */
    private Double confidence;
    private Boolean cacheHit;
    private String complexity;
    private String route;
    private Long sendingUntil;
    private Boolean optedOut;
    private String handoffReason;
    private String dueBucket;
    private Long dueAt;
    private String summary;
    private java.util.List<String> keyFacts;
    private Long keyFactsAt;
    private Long summarizedThrough;
    private Long contextFrom;
    private Long expiredFor;
    private Long returnedToBotAt;
    private String summarySource;
    /** On a turn record ({@code X#…}, {@link DynamoDbTurnMemory#recordTurn}): the turn's intents in order. */
    private java.util.List<String> intents;
    /** On a turn record: the routing stage that decided {@link #intents} (rules, embedding or llm). */
    private String intentStage;
    /** On a reply marker ({@code S#…}, {@link Keys#replyOnce}): the sort keys of the reply's parts, in sending order. */
    private java.util.List<String> partKeys;
    /**
     * On the conversation item ({@code CONV}): the customer's open leads and bookings, newest first, so a turn reads them
     * with the conversation ({@link OpenRequestList}); absent until first listed (then they must be queried).
     */
    private java.util.List<java.util.Map<String, String>> openRequests;

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Conversation: when Meta last answered 131047 (24-hour window closed) for this customer. */
    public Long getWindowClosedAt() {
        return windowClosedAt;
    }

    public void setWindowClosedAt(Long windowClosedAt) {
        this.windowClosedAt = windowClosedAt;
    }

    /** Outbound message: the reply part in its form, as JSON (see ReplyContentCodec); absent for plain text. */
    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Long getLastInboundAt() {
        return lastInboundAt;
    }

    public void setLastInboundAt(Long lastInboundAt) {
        this.lastInboundAt = lastInboundAt;
    }

    public Long getLastOutboundAt() {
        return lastOutboundAt;
    }

    public void setLastOutboundAt(Long lastOutboundAt) {
        this.lastOutboundAt = lastOutboundAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getPlatformId() {
        return platformId;
    }

    public void setPlatformId(String platformId) {
        this.platformId = platformId;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getRawType() {
        return rawType;
    }

    public void setRawType(String rawType) {
        this.rawType = rawType;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getSentAt() {
        return sentAt;
    }

    public void setSentAt(Long sentAt) {
        this.sentAt = sentAt;
    }

    public Long getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Long receivedAt) {
        this.receivedAt = receivedAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public void setAnsweredBy(String answeredBy) {
        this.answeredBy = answeredBy;
    }

    public String getTurnId() {
        return turnId;
    }

    public void setTurnId(String turnId) {
        this.turnId = turnId;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public Integer getDeliveryRank() {
        return deliveryRank;
    }

    public void setDeliveryRank(Integer deliveryRank) {
        this.deliveryRank = deliveryRank;
    }

    public Long getDeliveryAt() {
        return deliveryAt;
    }

    public void setDeliveryAt(Long deliveryAt) {
        this.deliveryAt = deliveryAt;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    public String getErrorTitle() {
        return errorTitle;
    }

    public void setErrorTitle(String errorTitle) {
        this.errorTitle = errorTitle;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getPromptTokens() {
        return promptTokens;
    }

    public void setPromptTokens(Integer promptTokens) {
        this.promptTokens = promptTokens;
    }

    public Integer getCompletionTokens() {
        return completionTokens;
    }

    public void setCompletionTokens(Integer completionTokens) {
        this.completionTokens = completionTokens;
    }

    public Long getLatencyMs() {
        return latencyMs;
    }

    public void setLatencyMs(Long latencyMs) {
        this.latencyMs = latencyMs;
    }

    public Integer getFallbacks() {
        return fallbacks;
    }

    public void setFallbacks(Integer fallbacks) {
        this.fallbacks = fallbacks;
    }

    public Boolean getNeedsHuman() {
        return needsHuman;
    }

    public void setNeedsHuman(Boolean needsHuman) {
        this.needsHuman = needsHuman;
    }

    public String getMessageSk() {
        return messageSk;
    }

    public void setMessageSk(String messageSk) {
        this.messageSk = messageSk;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public java.util.Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(java.util.Map<String, String> attributes) {
        this.attributes = attributes;
    }

    public Double getCostUsd() {
        return costUsd;
    }

    public void setCostUsd(Double costUsd) {
        this.costUsd = costUsd;
    }

    public Double getConfidence() {
        return confidence;
    }

    public void setConfidence(Double confidence) {
        this.confidence = confidence;
    }

    public Boolean getCacheHit() {
        return cacheHit;
    }

    public void setCacheHit(Boolean cacheHit) {
        this.cacheHit = cacheHit;
    }

    public String getComplexity() {
        return complexity;
    }

    public void setComplexity(String complexity) {
        this.complexity = complexity;
    }

    public String getRoute() {
        return route;
    }

    public void setRoute(String route) {
        this.route = route;
    }

    public Long getSendingUntil() {
        return sendingUntil;
    }

    public void setSendingUntil(Long sendingUntil) {
        this.sendingUntil = sendingUntil;
    }
    public Boolean getOptedOut() {
        return optedOut;
    }

    public void setOptedOut(Boolean optedOut) {
        this.optedOut = optedOut;
    }

    public String getHandoffReason() {
        return handoffReason;
    }

    public void setHandoffReason(String handoffReason) {
        this.handoffReason = handoffReason;
    }

    /** GSI {@code due-index} partition: see {@link Keys}. Only conversation and message items carry it. */
    @software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey(indexNames = Keys.DUE_INDEX)
    public String getDueBucket() {
        return dueBucket;
    }

    public void setDueBucket(String dueBucket) {
        this.dueBucket = dueBucket;
    }

    /** GSI {@code due-index} sort key, epoch millis: last activity (conversation) or receive time (message). */
    @software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey(indexNames = Keys.DUE_INDEX)
    public Long getDueAt() {
        return dueAt;
    }

    public void setDueAt(Long dueAt) {
        this.dueAt = dueAt;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public java.util.List<String> getKeyFacts() {
        return keyFacts;
    }

    public void setKeyFacts(java.util.List<String> keyFacts) {
        this.keyFacts = keyFacts;
    }

    /** When the key facts were last saved (epoch millis). */
    public Long getKeyFactsAt() {
        return keyFactsAt;
    }

    public void setKeyFactsAt(Long keyFactsAt) {
        this.keyFactsAt = keyFactsAt;
    }

    public Long getSummarizedThrough() {
        return summarizedThrough;
    }

    public void setSummarizedThrough(Long summarizedThrough) {
        this.summarizedThrough = summarizedThrough;
    }

    public Long getContextFrom() {
        return contextFrom;
    }

    public void setContextFrom(Long contextFrom) {
        this.contextFrom = contextFrom;
    }

    public Long getExpiredFor() {
        return expiredFor;
    }

    public void setExpiredFor(Long expiredFor) {
        this.expiredFor = expiredFor;
    }

    public Long getReturnedToBotAt() {
        return returnedToBotAt;
    }

    public void setReturnedToBotAt(Long returnedToBotAt) {
        this.returnedToBotAt = returnedToBotAt;
    }

    public String getSummarySource() {
        return summarySource;
    }

    public void setSummarySource(String summarySource) {
        this.summarySource = summarySource;
    }

    public java.util.List<String> getIntents() {
        return intents;
    }

    public void setIntents(java.util.List<String> intents) {
        this.intents = intents;
    }

    public String getIntentStage() {
        return intentStage;
    }

    public void setIntentStage(String intentStage) {
        this.intentStage = intentStage;
    }

    public java.util.List<String> getPartKeys() {
        return partKeys;
    }

    public void setPartKeys(java.util.List<String> partKeys) {
        this.partKeys = partKeys;
    }

    public java.util.List<java.util.Map<String, String>> getOpenRequests() {
        return openRequests;
    }

    public void setOpenRequests(java.util.List<java.util.Map<String, String>> openRequests) {
        this.openRequests = openRequests;
    }
}
