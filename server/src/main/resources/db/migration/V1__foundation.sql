-- Foundation schema: tenants and their credentials, JWT signing keys, applications, images, audit.
-- PII and secrets are stored only as AES-GCM ciphertext (columns *_ct) or keyed hashes (*_hash).

create table tenant (
    id          bigserial primary key,
    code        text not null unique check (code ~ '^[a-z0-9_]{1,40}$'),
    settings    jsonb not null default '{}'::jsonb,
    callback_secret_ct bytea,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- AES key pairs for the encrypted user token (spec 000); key and IV are secrets.
create table tenant_aes_key (
    id          bigserial primary key,
    tenant_id   bigint not null references tenant (id),
    key_id      text not null unique,
    key_ct      bytea not null,
    iv_ct       bytea not null,
    active      boolean not null default true,
    created_at  timestamptz not null default now()
);

-- API keys are random 160-bit secrets, so a SHA-256 digest is enough; only a prefix is kept to show.
create table tenant_api_key (
    id          bigserial primary key,
    tenant_id   bigint not null references tenant (id),
    key_hash    bytea not null unique,
    key_prefix  text not null,
    active      boolean not null default true,
    created_at  timestamptz not null default now()
);

-- Login names are global: the login request names no tenant.
create table portal_user (
    id            bigserial primary key,
    tenant_id     bigint not null references tenant (id),
    user_name     text not null unique check (user_name ~ '^[a-z0-9_]{1,63}$'),
    password_hash text not null,
    active        boolean not null default true,
    created_at    timestamptz not null default now()
);

create table login_attempt (
    id           bigserial primary key,
    user_name    text not null,
    succeeded    boolean not null,
    attempted_at timestamptz not null default now()
);
create index login_attempt_recent on login_attempt (user_name, attempted_at);

create table jwt_signing_key (
    kid         text primary key,
    secret_ct   bytea not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);

create table application (
    id               bigserial primary key,
    tenant_id        bigint not null references tenant (id),
    unique_token     uuid not null unique,
    user_id_ct       bytea not null,
    user_id_hash     bytea not null,
    state            text not null,
    verdict          text not null default 'pending',
    flow_id          text,
    lang             text not null,
    card_types       jsonb not null,
    required_steps   jsonb not null,
    completed_steps  jsonb not null default '[]'::jsonb,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
-- At most one open application per (tenant, user).
create unique index application_one_open_per_user on application (tenant_id, user_id_hash)
    where state = 'in_progress';

-- An image's bytes are stored once per tenant; the blob itself is encrypted in the blob store.
create table image (
    id            uuid primary key,
    tenant_id     bigint not null references tenant (id),
    content_hash  bytea not null,
    media_type    text not null,
    width         int not null,
    height        int not null,
    size_bytes    bigint not null,
    blob_key      text not null,
    created_at    timestamptz not null default now(),
    unique (tenant_id, content_hash)
);

-- Every upload of an image, with its label, encrypted metadata and the application it belongs to.
create table image_upload (
    id              bigserial primary key,
    tenant_id       bigint not null references tenant (id),
    image_id        uuid not null references image (id),
    application_id  bigint references application (id),
    label           text,
    metadata_ct     bytea,
    created_at      timestamptz not null default now()
);
create index image_upload_by_application on image_upload (application_id, image_id);

-- Append-only audit trail: no PII in any column.
create table audit_event (
    id           bigserial primary key,
    tenant_id    bigint references tenant (id),
    actor        text not null,
    action       text not null,
    target       text,
    request_id   text,
    details      jsonb not null default '{}'::jsonb,
    occurred_at  timestamptz not null default now()
);
create index audit_event_by_tenant on audit_event (tenant_id, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
