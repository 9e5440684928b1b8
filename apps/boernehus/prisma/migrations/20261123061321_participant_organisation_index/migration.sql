-- CreateIndex
CREATE INDEX "CaseParticipant_sector_organisation_caseId_idx" ON "CaseParticipant"("sector", "organisation", "caseId");

