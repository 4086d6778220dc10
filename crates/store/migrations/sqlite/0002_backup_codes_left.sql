-- Deadbolt schema, version 2 (SQLite): each user's count of unspent backup
-- codes, kept by triggers so that the read every authenticated request
-- makes (`session_view`) needs no aggregate over backup_codes.
-- Additive: nodes of version 1 keep working (the triggers count their
-- writes too).

ALTER TABLE users ADD COLUMN backup_codes_left INTEGER NOT NULL DEFAULT 0;

UPDATE users SET backup_codes_left =
    (SELECT COUNT(*) FROM backup_codes b WHERE b.user_id = users.id AND b.used_at IS NULL);

CREATE TRIGGER backup_codes_left_insert AFTER INSERT ON backup_codes
WHEN NEW.used_at IS NULL
BEGIN
    UPDATE users SET backup_codes_left = backup_codes_left + 1 WHERE id = NEW.user_id;
END;

CREATE TRIGGER backup_codes_left_delete AFTER DELETE ON backup_codes
WHEN OLD.used_at IS NULL
BEGIN
    UPDATE users SET backup_codes_left = backup_codes_left - 1 WHERE id = OLD.user_id;
END;

CREATE TRIGGER backup_codes_left_update AFTER UPDATE OF used_at, user_id ON backup_codes
BEGIN
    UPDATE users SET backup_codes_left = backup_codes_left - 1
        WHERE id = OLD.user_id AND OLD.used_at IS NULL;
    UPDATE users SET backup_codes_left = backup_codes_left + 1
        WHERE id = NEW.user_id AND NEW.used_at IS NULL;
END;
