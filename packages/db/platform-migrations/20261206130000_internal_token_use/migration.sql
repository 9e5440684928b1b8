-- The replay guard of internal tokens (packages/subgraph-kit/src/replayGuard.ts): the jti of
-- every gateway-signed request a replica of this subgraph has accepted, until the token
-- expires (30 s). In the database, not in a replica's memory (DESIGN.md 7), so a request
-- replayed to another replica is refused too: the INSERT … ON CONFLICT DO NOTHING that records
-- a jti is the check.
--
-- UNLOGGED: one row per request, kept seconds, so no WAL for it. The price: after a crash of
-- the database server (or a fail-over to a standby) the table starts empty, so a token captured
-- in the 30 s before could be replayed once more. Every such token still has to be within its
-- 30 s life and carry the gateway's signature over the exact body.
CREATE UNLOGGED TABLE samraad_meta.internal_token_use (
  jti        text        PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX internal_token_use_expires_at ON samraad_meta.internal_token_use (expires_at);
