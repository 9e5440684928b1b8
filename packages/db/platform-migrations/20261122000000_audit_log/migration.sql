-- The audit log: every read and write of personal data, appended, hash-chained.
-- Lives in every subgraph's own database (each sector keeps the record of access to
-- its data), in schema samraad_meta so Prisma's introspection of `public` never sees it.
CREATE TABLE samraad_meta.audit_log (
  seq          bigint      PRIMARY KEY,
  at           timestamptz NOT NULL,
  request_id   text        NOT NULL,
  actor_sub    text        NOT NULL,
  actor_sector text        NOT NULL,
  actor_org    text        NOT NULL,
  purpose      text        NOT NULL,
  action       text        NOT NULL CHECK (action IN ('READ', 'WRITE')),
  decision     text        NOT NULL CHECK (decision IN ('ALLOWED', 'DENIED')),
  case_ids     text[]      NOT NULL,
  child_ids    text[]      NOT NULL,
  field_paths  text[]      NOT NULL,
  prev_hash    text        NOT NULL,
  hash         text        NOT NULL UNIQUE
);
CREATE INDEX audit_log_case_ids ON samraad_meta.audit_log USING gin (case_ids);
CREATE INDEX audit_log_child_ids ON samraad_meta.audit_log USING gin (child_ids);

-- Append-only: no UPDATE, DELETE or TRUNCATE through any code path. (Someone with
-- the rights to drop this trigger could still edit rows; the hash chain shows it.)
CREATE FUNCTION samraad_meta.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'samraad_meta.audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON samraad_meta.audit_log
  FOR EACH ROW EXECUTE FUNCTION samraad_meta.audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON samraad_meta.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION samraad_meta.audit_log_is_append_only();
