-- Results of the selfie step (scores, statuses, model versions, image ids: no PII), and the
-- prepared applicant metadata a client may attach (PII: encrypted).
alter table application add column ekyc_face jsonb;
alter table application add column metadata_ct bytea;
