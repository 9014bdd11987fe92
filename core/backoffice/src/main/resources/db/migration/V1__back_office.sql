-- Back office schema. Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode
-- (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE). Lists and maps are JSON text; embeddings are raw float32 bytes
-- (no pgvector: similarity is computed in the application's per-tenant index).

CREATE TABLE tenants (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    phone_number_id      VARCHAR(64)  NOT NULL,
    waba_id              VARCHAR(64),
    display_phone_number VARCHAR(32),
    app_secret_ref       VARCHAR(200),
    access_token_ref     VARCHAR(200),
    timezone             VARCHAR(64)  NOT NULL,
    business_hours       VARCHAR(2000) NOT NULL,
    languages            VARCHAR(200) NOT NULL,
    business_facts       VARCHAR(8000) NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    knowledge_revision   BIGINT       NOT NULL,
    catalog_revision     BIGINT       NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_tenants_business_number UNIQUE (channel, phone_number_id)
);

CREATE TABLE agent_configurations (
    tenant_id                VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES tenants (id),
    version                  BIGINT        NOT NULL,
    agent_name               VARCHAR(80)   NOT NULL,
    personality_traits       VARCHAR(2000) NOT NULL,
    tone                     VARCHAR(16)   NOT NULL,
    persona_notes            VARCHAR(4000) NOT NULL,
    default_model            VARCHAR(120),
    fallback_models          VARCHAR(2000) NOT NULL,
    behavioural_restrictions VARCHAR(8000) NOT NULL,
    required_disclaimers     VARCHAR(4000) NOT NULL,
    confidence_threshold     DOUBLE PRECISION NOT NULL,
    proactive_suggestions    BOOLEAN       NOT NULL,
    spelling_correction      BOOLEAN       NOT NULL,
    rich_messages            BOOLEAN       NOT NULL,
    handoff_rules            VARCHAR(4000) NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE knowledge_entries (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(64)    NOT NULL REFERENCES tenants (id),
    entry_type           VARCHAR(20)    NOT NULL,
    title                VARCHAR(200)   NOT NULL,
    content              VARCHAR(10000) NOT NULL,
    questions            VARCHAR(8000)  NOT NULL,
    keywords             VARCHAR(2000)  NOT NULL,
    category             VARCHAR(80)    NOT NULL,
    priority             INTEGER        NOT NULL,
    active               BOOLEAN        NOT NULL,
    version              BIGINT         NOT NULL,
    embedding            BYTEA,
    embedding_model      VARCHAR(120),
    embedding_dimensions INTEGER,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_knowledge_entries_tenant ON knowledge_entries (tenant_id, deleted_at);

CREATE TABLE catalog_items (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    sku          VARCHAR(64)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    aliases      VARCHAR(2000) NOT NULL,
    category     VARCHAR(80)   NOT NULL,
    price        NUMERIC(14, 2),
    currency     VARCHAR(3)    NOT NULL,
    price_unit   VARCHAR(16)   NOT NULL,
    stock        INTEGER       NOT NULL,
    availability VARCHAR(16)   NOT NULL,
    attributes   VARCHAR(8000) NOT NULL,
    image_url    VARCHAR(1000),
    active       BOOLEAN       NOT NULL,
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_catalog_items_sku UNIQUE (tenant_id, sku)
);

CREATE TABLE staff_members (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    wa_id      VARCHAR(20)  NOT NULL,
    name       VARCHAR(120) NOT NULL,
    staff_role VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_staff_members_wa_id UNIQUE (tenant_id, wa_id)
);

-- Per-tenant admin API keys: only a salted SHA-256 of the secret is kept.
CREATE TABLE api_keys (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    name        VARCHAR(120) NOT NULL,
    scopes      VARCHAR(200) NOT NULL,
    salt        BYTEA        NOT NULL,
    secret_hash BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id);
