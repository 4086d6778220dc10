-- Deadbolt schema, version 2 (PostgreSQL): each user's count of unspent
-- backup codes, kept by a trigger so that the read every authenticated
-- request makes (`session_view`) needs no aggregate over backup_codes.
-- Additive: nodes of version 1 keep working (the trigger counts their writes
-- too). The SHARE lock holds their backup-code writes back for the moment
-- the count is filled in, so none falls between the count and the trigger.

LOCK TABLE backup_codes IN SHARE MODE;

ALTER TABLE users ADD COLUMN backup_codes_left BIGINT NOT NULL DEFAULT 0;

UPDATE users u SET backup_codes_left = c.n
FROM (SELECT user_id, COUNT(*) AS n FROM backup_codes WHERE used_at IS NULL GROUP BY user_id) c
WHERE c.user_id = u.id;

CREATE FUNCTION backup_codes_left_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.used_at IS NULL THEN
        UPDATE users SET backup_codes_left = backup_codes_left - 1 WHERE id = OLD.user_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.used_at IS NULL THEN
        UPDATE users SET backup_codes_left = backup_codes_left + 1 WHERE id = NEW.user_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER backup_codes_left_sync
AFTER INSERT OR DELETE OR UPDATE OF used_at, user_id ON backup_codes
FOR EACH ROW EXECUTE FUNCTION backup_codes_left_sync();
