-- Alerts and webhook deliveries: in every subgraph's own database, because each sector
-- raises the alerts whose facts it owns and delivers them to its own organisations'
-- systems. Schedules and delivery state live here, not in memory, so that any number of
-- replicas share them (DESIGN §7): work is claimed with UPDATE ... RETURNING and
-- SELECT ... FOR UPDATE SKIP LOCKED.

-- An alert for the people who own a case's next step: one person (recipient_sub), or
-- everyone with one of recipient_roles in the recipient organisation.
CREATE TABLE samraad_meta.alert (
  id               uuid        PRIMARY KEY,
  kind             text        NOT NULL,
  case_id          uuid        NOT NULL,
  subject_id       text        NOT NULL,
  due_at           timestamptz NOT NULL,
  raised_at        timestamptz NOT NULL,
  recipient_sector text        NOT NULL,
  recipient_org    text        NOT NULL,
  recipient_sub    text        NOT NULL DEFAULT '',
  recipient_roles  text[]      NOT NULL DEFAULT '{}',
  -- Raised once per step and recipient, however often the scan runs.
  UNIQUE (kind, subject_id, recipient_sector, recipient_org, recipient_sub)
);
CREATE INDEX alert_recipient_sub ON samraad_meta.alert (recipient_sub) WHERE recipient_sub <> '';
CREATE INDEX alert_recipient_org ON samraad_meta.alert (recipient_sector, recipient_org);

-- What each person did with an alert.
CREATE TABLE samraad_meta.alert_receipt (
  alert_id        uuid        NOT NULL REFERENCES samraad_meta.alert (id),
  sub             text        NOT NULL,
  read_at         timestamptz,
  acknowledged_at timestamptz,
  PRIMARY KEY (alert_id, sub)
);

-- A sector system's endpoint for this sector's alerts, per organisation.
CREATE TABLE samraad_meta.webhook_endpoint (
  id             uuid        PRIMARY KEY,
  sector         text        NOT NULL,
  organisation   text        NOT NULL,
  url            text        NOT NULL,
  secret         text        NOT NULL,
  created_by_sub text        NOT NULL,
  created_at     timestamptz NOT NULL,
  active         boolean     NOT NULL DEFAULT true
);
CREATE INDEX webhook_endpoint_org ON samraad_meta.webhook_endpoint (sector, organisation);

-- One event to one endpoint, until delivered or given up.
CREATE TABLE samraad_meta.webhook_delivery (
  id              uuid        PRIMARY KEY,
  endpoint_id     uuid        NOT NULL REFERENCES samraad_meta.webhook_endpoint (id),
  event_id        uuid        NOT NULL,
  payload         text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  delivered_at    timestamptz,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON samraad_meta.webhook_delivery (next_attempt_at) WHERE status = 'PENDING';

-- The delivery log: every attempt, with the receiver's answer.
CREATE TABLE samraad_meta.webhook_attempt (
  delivery_id uuid        NOT NULL REFERENCES samraad_meta.webhook_delivery (id),
  attempt     integer     NOT NULL,
  at          timestamptz NOT NULL,
  status_code integer,
  error       text,
  PRIMARY KEY (delivery_id, attempt)
);

-- Periodic jobs (the alert scan): the replica that moves next_run_at on runs it.
CREATE TABLE samraad_meta.job_schedule (
  name        text        PRIMARY KEY,
  next_run_at timestamptz NOT NULL
);
