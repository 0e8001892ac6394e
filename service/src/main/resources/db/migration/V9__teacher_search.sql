-- Finding teachers in the workspace by a part of the name or of the school: the name lives in the profile JSON and the
-- school in its JSON, so each is kept lower-cased (ё as е) in a column of its own, filled by the service whenever the
-- profile or the school changes (and, for teachers stored before this migration, once at start-up).
ALTER TABLE teacher ADD COLUMN search_name VARCHAR(300);
ALTER TABLE teacher ADD COLUMN search_school VARCHAR(500);
CREATE INDEX teacher_search_name ON teacher (jurisdiction, search_name);
