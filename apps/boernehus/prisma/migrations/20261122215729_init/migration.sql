-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('MUNICIPALITY', 'POLICE', 'HEALTH', 'BOERNEHUS', 'NATIONAL');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('HOVEDSTADEN', 'SJAELLAND', 'SYDDANMARK', 'MIDTJYLLAND', 'NORDJYLLAND');

-- CreateEnum
CREATE TYPE "AbuseType" AS ENUM ('PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL');

-- CreateEnum
CREATE TYPE "BurdenLevel" AS ENUM ('LOW', 'MODERATE', 'HIGH');

-- CreateEnum
CREATE TYPE "CourseType" AS ENUM ('FULL_COURSE', 'SAMRAAD_ONLY');

-- CreateEnum
CREATE TYPE "CourseStatus" AS ENUM ('REFERRED', 'ACTIVE', 'FINAL_NOTE', 'CLOSED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('PLANNING', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Activity" AS ENUM ('VIDEO_INTERVIEW', 'MEDICAL_EXAMINATION', 'CRISIS_SUPPORT', 'ASSESSMENT', 'SAFETY_PLAN', 'POLICE_REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CrisisRecipient" AS ENUM ('CHILD', 'CAREGIVER');

-- CreateEnum
CREATE TYPE "FinalNoteStatus" AS ENUM ('DRAFT', 'SIGNED', 'SENT');

-- CreateEnum
CREATE TYPE "RecommendationKind" AS ENUM ('THERAPY', 'FAMILY_TREATMENT', 'PREVENTIVE_MEASURE', 'SAFETY_PLAN', 'PLACEMENT', 'CHILD_PSYCHIATRY', 'OTHER');

-- CreateTable
CREATE TABLE "BoernehusCase" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "type" "CourseType" NOT NULL,
    "status" "CourseStatus" NOT NULL DEFAULT 'REFERRED',
    "abuseTypes" "AbuseType"[],
    "burdenLevel" "BurdenLevel" NOT NULL,
    "childAgeAtReferral" INTEGER NOT NULL,
    "referralReceivedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BoernehusCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseParticipant" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "sub" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "organisation" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamraadMeeting" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "heldAt" TIMESTAMPTZ(3),
    "agenda" TEXT NOT NULL,
    "minutes" TEXT,
    "cancellationReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SamraadMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sub" TEXT,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "organisation" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityDecision" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "activity" "Activity" NOT NULL,
    "decision" TEXT NOT NULL,
    "responsibleSector" "Sector" NOT NULL,

    CONSTRAINT "ActivityDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "owningSector" "Sector" NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrisisSupportSession" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "recipient" "CrisisRecipient" NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "counsellorName" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrisisSupportSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "summary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalNote" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "status" "FinalNoteStatus" NOT NULL DEFAULT 'DRAFT',
    "text" TEXT NOT NULL,
    "draftedAt" TIMESTAMPTZ(3) NOT NULL,
    "signedAt" TIMESTAMPTZ(3),
    "signedBySub" TEXT,
    "signedByName" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FinalNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "finalNoteId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "RecommendationKind" NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "withSector" "Sector" NOT NULL,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BoernehusCase_referralReceivedAt_idx" ON "BoernehusCase"("referralReceivedAt" DESC);

-- CreateIndex
CREATE INDEX "BoernehusCase_status_referralReceivedAt_idx" ON "BoernehusCase"("status", "referralReceivedAt" DESC);

-- CreateIndex
CREATE INDEX "BoernehusCase_region_referralReceivedAt_idx" ON "BoernehusCase"("region", "referralReceivedAt" DESC);

-- CreateIndex
CREATE INDEX "BoernehusCase_municipalityCode_referralReceivedAt_idx" ON "BoernehusCase"("municipalityCode", "referralReceivedAt" DESC);

-- CreateIndex
CREATE INDEX "CaseParticipant_sub_caseId_idx" ON "CaseParticipant"("sub", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseParticipant_caseId_sub_key" ON "CaseParticipant"("caseId", "sub");

-- CreateIndex
CREATE INDEX "SamraadMeeting_caseId_scheduledAt_idx" ON "SamraadMeeting"("caseId", "scheduledAt");

-- CreateIndex
CREATE INDEX "MeetingParticipant_meetingId_position_idx" ON "MeetingParticipant"("meetingId", "position");

-- CreateIndex
CREATE INDEX "ActivityDecision_meetingId_position_idx" ON "ActivityDecision"("meetingId", "position");

-- CreateIndex
CREATE INDEX "ActionItem_meetingId_idx" ON "ActionItem"("meetingId");

-- CreateIndex
CREATE INDEX "ActionItem_caseId_dueAt_idx" ON "ActionItem"("caseId", "dueAt");

-- CreateIndex
CREATE INDEX "CrisisSupportSession_caseId_heldAt_idx" ON "CrisisSupportSession"("caseId", "heldAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_caseId_key" ON "Assessment"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalNote_caseId_key" ON "FinalNote"("caseId");

-- CreateIndex
CREATE INDEX "Recommendation_finalNoteId_position_idx" ON "Recommendation"("finalNoteId", "position");

-- CreateIndex
CREATE INDEX "Recommendation_caseId_idx" ON "Recommendation"("caseId");

-- CreateIndex
CREATE INDEX "Consultation_caseId_heldAt_idx" ON "Consultation"("caseId", "heldAt");

-- AddForeignKey
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamraadMeeting" ADD CONSTRAINT "SamraadMeeting_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "SamraadMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityDecision" ADD CONSTRAINT "ActivityDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "SamraadMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "SamraadMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrisisSupportSession" ADD CONSTRAINT "CrisisSupportSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalNote" ADD CONSTRAINT "FinalNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_finalNoteId_fkey" FOREIGN KEY ("finalNoteId") REFERENCES "FinalNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

