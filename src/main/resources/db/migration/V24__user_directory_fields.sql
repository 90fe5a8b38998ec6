-- What SCIM provisioning (issue 14) keeps of a user besides its names: the preferred language (a language tag such
-- as en-US, RFC 7643 preferredLanguage) and the country of its work address (addresses[type eq "work"].country, as
-- the identity provider sends it; an ISO 3166 alpha-2 code also gives the usage location when none is sent).
ALTER TABLE app_user ADD COLUMN preferred_language VARCHAR(35);
ALTER TABLE app_user ADD COLUMN country VARCHAR(64);
