-- A nomination keeps the profile as it was submitted (the official candidate form), so re-evaluating it after a rule
-- change decides on the same data, and a later nomination of the same teacher with new data does not change it.
-- The teacher's profile stays the latest one the IMC knows. Holds personal data, like teacher.profile.
ALTER TABLE candidate ADD COLUMN profile VARCHAR;
UPDATE candidate SET profile = (SELECT t.profile FROM teacher t WHERE t.id = candidate.teacher_id);
ALTER TABLE candidate ALTER COLUMN profile SET NOT NULL;
