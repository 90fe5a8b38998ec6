-- Activity details as structured data: a JSON object per line ({"skuId": "...", "previous": 25, "quantity": 32}),
-- put in words in the reader's language when read. Text, not a JSON type, so that the same SQL binds and reads it
-- on H2 and PostgreSQL. Lines logged before keep their key=value text in details (and no data); the application
-- reads that text into the same structure. For new lines, details holds the values alone, for the text search.
ALTER TABLE activity_log ADD COLUMN data VARCHAR(100000);
