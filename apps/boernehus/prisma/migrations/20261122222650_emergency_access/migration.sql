-- CreateEnum
CREATE TYPE "EmergencyReviewOutcome" AS ENUM ('JUSTIFIED', 'UNJUSTIFIED');

-- CreateTable
CREATE TABLE "EmergencyAccess" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "sub" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "organisation" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedByName" TEXT,
    "reviewOutcome" "EmergencyReviewOutcome",
    "reviewNote" TEXT,

    CONSTRAINT "EmergencyAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmergencyAccess_sub_caseId_expiresAt_idx" ON "EmergencyAccess"("sub", "caseId", "expiresAt");

-- CreateIndex
CREATE INDEX "EmergencyAccess_caseId_openedAt_idx" ON "EmergencyAccess"("caseId", "openedAt");

-- CreateIndex
CREATE INDEX "EmergencyAccess_reviewedAt_openedAt_idx" ON "EmergencyAccess"("reviewedAt", "openedAt");

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

