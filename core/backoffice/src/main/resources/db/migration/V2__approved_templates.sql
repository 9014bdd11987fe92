-- Message templates each tenant had approved by Meta, bound to what the agent uses them for (follow_up,
-- booking_reminder): outside WhatsApp's 24-hour window only these may be sent. Runs on H2 and PostgreSQL.
CREATE TABLE approved_templates (
    id            VARCHAR(100)  NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    purpose       VARCHAR(32)   NOT NULL,
    name          VARCHAR(512)  NOT NULL,
    language      VARCHAR(16)   NOT NULL,
    parameters    VARCHAR(2000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_approved_templates_purpose UNIQUE (tenant_id, purpose)
);
