-- FinOS passive liveness calls, so a later verifyPair with fraudCheckLiveness=yes and the same
-- transactionId can check that its selfie is the one that passed liveness.
create table finos_liveness_check (
    id              bigserial primary key,
    tenant_id       bigint not null references tenant (id),
    transaction_id  text not null,
    image_hash      bytea not null,
    live            boolean not null,
    created_at      timestamptz not null default now()
);
create index finos_liveness_by_transaction on finos_liveness_check (tenant_id, transaction_id, id);
