-- Deadbolt schema, version 11 (sqlite): each user's language.
-- * users.language: the code of the language the user last chose or
--   negotiated (`fr`), in which their letters are written; NULL: the
--   server's --default-language. Written only when it changes.
-- Additive: nodes of version 10 keep working (they write every letter in English).

ALTER TABLE users ADD COLUMN language TEXT;
