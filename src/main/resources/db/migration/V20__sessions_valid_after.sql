-- Console sessions that started before this moment are signed out (a password changed or reset, an account
-- disabled or blocked, a second factor reset, a "sign out everywhere"). Sessions live in the database with no
-- index by person, so each node compares a session's sign-in time with its account's moment.
ALTER TABLE agent ADD COLUMN sessions_valid_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN sessions_valid_after TIMESTAMP WITH TIME ZONE;
