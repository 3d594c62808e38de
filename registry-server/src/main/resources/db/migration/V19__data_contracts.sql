-- Confluent data contracts: a schema's metadata and ruleSet (canonical JSON, part of its identity
-- through content_key), and config-level defaults/overrides per subject. Global ones live in
-- registry_settings under their Confluent names (defaultMetadata, overrideMetadata, ...).
ALTER TABLE schemas ADD COLUMN metadata text, ADD COLUMN rule_set text;
ALTER TABLE subjects
    ADD COLUMN default_metadata  text,
    ADD COLUMN override_metadata text,
    ADD COLUMN default_rule_set  text,
    ADD COLUMN override_rule_set text;
