-- Idempotency keys: a machine client's retry of a mutation returns the first result
-- and writes nothing new. A key is scoped to the principal (issuer + subject) and the
-- operation (Mutation.<field>); it is written in the same transaction as the write it
-- guards, so a key exists exactly when its write committed.
CREATE TABLE samraad_meta.idempotency_key (
  principal    text        NOT NULL,
  operation    text        NOT NULL,
  key          text        NOT NULL,
  -- sha256 of the mutation's arguments (the key left out): a reuse with other input is refused.
  request_hash text        NOT NULL,
  -- The mutation's first result (the root object; nested fields resolve afresh).
  result       jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, operation, key)
);
CREATE INDEX idempotency_key_created_at ON samraad_meta.idempotency_key (created_at);

-- Retention: what the retention job deleted or anonymised, when, for which case.
-- Entity names and field paths only, never the values.
CREATE TABLE samraad_meta.deletion_log (
  id           bigserial   PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  case_id      text        NOT NULL,
  -- When the course closed, and the retention period (days) that made it due.
  closed_at    timestamptz NOT NULL,
  retention_days integer   NOT NULL,
  entity       text        NOT NULL,
  action       text        NOT NULL CHECK (action IN ('DELETED', 'ANONYMISED')),
  field_paths  text[]      NOT NULL,
  rows         integer     NOT NULL
);
CREATE INDEX deletion_log_case_id ON samraad_meta.deletion_log (case_id);
