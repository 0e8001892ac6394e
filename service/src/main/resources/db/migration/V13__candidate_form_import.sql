-- The candidate form import (issue 10). A teacher read from a filled form is recognised again by a key of their
-- normalised ФИО and birth date (a hash: the key itself holds no readable personal data); a nomination read from a
-- form keeps a fingerprint of the row's cells, so importing the same file twice stores each candidate once.
ALTER TABLE teacher ADD COLUMN person_key VARCHAR(64);
CREATE INDEX teacher_person_key ON teacher (jurisdiction, person_key);
ALTER TABLE candidate ADD COLUMN form_fingerprint VARCHAR(64);
CREATE UNIQUE INDEX candidate_form_fingerprint ON candidate (jurisdiction, form_fingerprint);
