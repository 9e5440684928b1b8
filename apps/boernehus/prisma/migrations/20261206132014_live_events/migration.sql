-- CreateTable
CREATE TABLE "LivePresence" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "meetingId" UUID,
    "sub" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LivePresence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LivePresence_caseId_idx" ON "LivePresence"("caseId");


-- Live events (docs/live.md): every committed change to a case's records NOTIFYs channel
-- samraad_live with the case id, the table that changed, the record's id and its version.
-- Ids and numbers only: no personal data leaves in an event. NOTIFY inside the writing
-- transaction is sent only when it commits, and identical payloads in one transaction are
-- sent once. A trigger rather than a call in each resolver: no write can forget it.
CREATE FUNCTION samraad_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  case_id text := COALESCE(changed->>'caseId', CASE WHEN TG_TABLE_NAME = 'BoernehusCase' THEN changed->>'id' END);
BEGIN
  IF case_id IS NULL AND changed ? 'meetingId' THEN
    SELECT "caseId"::text INTO case_id FROM "SamraadMeeting" WHERE "id" = (changed->>'meetingId')::uuid;
  END IF;
  IF case_id IS NOT NULL THEN
    PERFORM pg_notify('samraad_live', json_build_object(
      'caseId', case_id, 'table', TG_TABLE_NAME, 'id', changed->>'id', 'version', (changed->>'version')::int)::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "BoernehusCase_live" AFTER INSERT OR UPDATE OR DELETE ON "BoernehusCase" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "CaseParticipant_live" AFTER INSERT OR UPDATE OR DELETE ON "CaseParticipant" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "SamraadMeeting_live" AFTER INSERT OR UPDATE OR DELETE ON "SamraadMeeting" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "MeetingParticipant_live" AFTER INSERT OR UPDATE OR DELETE ON "MeetingParticipant" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "ActivityDecision_live" AFTER INSERT OR UPDATE OR DELETE ON "ActivityDecision" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "ActionItem_live" AFTER INSERT OR UPDATE OR DELETE ON "ActionItem" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "CrisisSupportSession_live" AFTER INSERT OR UPDATE OR DELETE ON "CrisisSupportSession" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "Assessment_live" AFTER INSERT OR UPDATE OR DELETE ON "Assessment" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "FinalNote_live" AFTER INSERT OR UPDATE OR DELETE ON "FinalNote" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "Recommendation_live" AFTER INSERT OR UPDATE OR DELETE ON "Recommendation" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
CREATE TRIGGER "Consultation_live" AFTER INSERT OR UPDATE OR DELETE ON "Consultation" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
-- Presence: arriving and leaving only (its heartbeat updates are no news).
CREATE TRIGGER "LivePresence_live" AFTER INSERT OR DELETE ON "LivePresence" FOR EACH ROW EXECUTE FUNCTION samraad_live_notify();
