package dev.waagent.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An item of the tenants table: the tenant itself ({@code pk=TENANT#id}) or its routing entry
 * ({@code pk=ROUTE#channel#number}, holding only the tenant id). A projection of the back office that the webhook
 * can read without a relational driver.
 */
@DynamoDbBean
public class TenantItem {

    private String pk;
    private String tenantId;
    private String name;
    private String channel;
    private String businessNumberId;
    private String displayPhoneNumber;
    private String appSecretRef;
    private String accessTokenRef;
    private String agentName;
    private String persona;
    private String businessFacts;
    private String timezone;
    private java.util.List<String> languages;
    private java.util.List<String> providerOrder;
    private Boolean active;
    private java.util.List<String> staff;
    private java.util.Map<String, String> openingHours;
    private java.util.List<String> templates;
    private Boolean richMessages;

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getBusinessNumberId() {
        return businessNumberId;
    }

    public void setBusinessNumberId(String businessNumberId) {
        this.businessNumberId = businessNumberId;
    }

    public String getDisplayPhoneNumber() {
        return displayPhoneNumber;
    }

    public void setDisplayPhoneNumber(String displayPhoneNumber) {
        this.displayPhoneNumber = displayPhoneNumber;
    }

    public String getAppSecretRef() {
        return appSecretRef;
    }

    public void setAppSecretRef(String appSecretRef) {
        this.appSecretRef = appSecretRef;
    }

    public String getAccessTokenRef() {
        return accessTokenRef;
    }

    public void setAccessTokenRef(String accessTokenRef) {
        this.accessTokenRef = accessTokenRef;
    }

    public String getAgentName() {
        return agentName;
    }

    public void setAgentName(String agentName) {
        this.agentName = agentName;
    }

    public String getPersona() {
        return persona;
    }

    public void setPersona(String persona) {
        this.persona = persona;
    }

    public String getBusinessFacts() {
        return businessFacts;
    }

    public void setBusinessFacts(String businessFacts) {
        this.businessFacts = businessFacts;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public java.util.List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(java.util.List<String> languages) {
        this.languages = languages;
    }

    public java.util.List<String> getProviderOrder() {
        return providerOrder;
    }

    public void setProviderOrder(java.util.List<String> providerOrder) {
        this.providerOrder = providerOrder;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }


    /** Staff members as {@code role|waId|name}. */
    public java.util.List<String> getStaff() {
        return staff;
    }

    public void setStaff(java.util.List<String> staff) {
        this.staff = staff;
    }

    /** Opening hours per weekday in the back office's notation ({@code mon -> 10:00-20:00}). */
    public java.util.Map<String, String> getOpeningHours() {
        return openingHours;
    }

    public void setOpeningHours(java.util.Map<String, String> openingHours) {
        this.openingHours = openingHours;
    }

    /** Approved templates as {@code purpose|name|language|param,param}. */
    public java.util.List<String> getTemplates() {
        return templates;
    }

    public void setTemplates(java.util.List<String> templates) {
        this.templates = templates;
    }

    /** Reply buttons, lists and cards allowed (absent: text only). */
    public Boolean getRichMessages() {
        return richMessages;
    }

    public void setRichMessages(Boolean richMessages) {
        this.richMessages = richMessages;
    }
}
