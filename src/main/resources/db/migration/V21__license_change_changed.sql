-- How many users a stored license change actually changed (succeeded with something gained, lost or re-planned):
-- a change that changed nobody offers no Undo. Null for changes stored before it was kept.
ALTER TABLE license_change ADD COLUMN changed INT;
