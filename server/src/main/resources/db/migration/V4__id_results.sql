-- Results of the ID step: the OCR block holds PII (names, numbers, dates) and is stored encrypted;
-- the tampering verdict (a score and a word) is not PII.
alter table application add column ekyc_ocr_ct bytea;
alter table application add column id_tampering jsonb;
