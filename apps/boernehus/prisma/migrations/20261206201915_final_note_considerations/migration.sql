-- CreateEnum
CREATE TYPE "CaseDevelopmentKind" AS ENUM ('MEASURE_DECIDED', 'MEASURE_STARTED', 'NOTIFICATION', 'CASEWORKER_CHANGE');

-- CreateTable
CREATE TABLE "FinalNoteConsideration" (
    "id" UUID NOT NULL,
    "finalNoteId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "CaseDevelopmentKind" NOT NULL,
    "recordId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinalNoteConsideration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FinalNoteConsideration_caseId_idx" ON "FinalNoteConsideration"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalNoteConsideration_finalNoteId_kind_recordId_key" ON "FinalNoteConsideration"("finalNoteId", "kind", "recordId");

-- AddForeignKey
ALTER TABLE "FinalNoteConsideration" ADD CONSTRAINT "FinalNoteConsideration_finalNoteId_fkey" FOREIGN KEY ("finalNoteId") REFERENCES "FinalNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

