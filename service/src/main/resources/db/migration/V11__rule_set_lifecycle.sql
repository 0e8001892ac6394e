-- Rule-set lifecycle: a draft holds a complete rule set (manifest, rule files, tables, catalogue, scenario tables)
-- started from a base version (NULL: the rule directory or the shipped rule base), is in force from a date once
-- published, and a rollback records its reason. Versions published before this migration hold only the files they
-- changed (base_rule_set IS NULL): they are laid over the rule directory as before.
ALTER TABLE rule_set_version ADD COLUMN base_version_id UUID;
ALTER TABLE rule_set_version ADD COLUMN base_rule_set VARCHAR(100);
ALTER TABLE rule_set_version ADD COLUMN effective_from DATE;
ALTER TABLE rule_set_version ADD COLUMN scenario_result VARCHAR;    -- JSON: rows checked and failing rows
ALTER TABLE rule_set_version ADD COLUMN rollback_reason VARCHAR(2000);
