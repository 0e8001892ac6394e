-- A password someone else chose for the person (the first administrator's generated one-time password, a reset by
-- an administrator in the workspace) must be replaced by their own at the next sign-in; until then the account may
-- do nothing but change it.
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
