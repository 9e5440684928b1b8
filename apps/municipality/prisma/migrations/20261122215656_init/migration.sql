-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('GIRL', 'BOY');

-- CreateEnum
CREATE TYPE "CustodyRelation" AS ENUM ('MOTHER', 'FATHER', 'OTHER');

-- CreateEnum
CREATE TYPE "NotificationSource" AS ENUM ('SCHOOL', 'DAYCARE', 'HEALTH_CARE', 'POLICE', 'FAMILY', 'ANONYMOUS', 'OTHER');

-- CreateEnum
CREATE TYPE "AbuseType" AS ENUM ('PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('HOVEDSTADEN', 'SJAELLAND', 'SYDDANMARK', 'MIDTJYLLAND', 'NORDJYLLAND');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('PREVENTIVE_MEASURE', 'FAMILY_TREATMENT', 'CONTACT_PERSON', 'SAFETY_PLAN', 'KINSHIP_CARE', 'FOSTER_CARE', 'RESIDENTIAL_CARE');

-- CreateEnum
CREATE TYPE "ResponseKind" AS ENUM ('MEASURE', 'OTHER_SUPPORT', 'DECLINED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('FAMILY_MOTIVATION', 'NOT_NEEDED', 'SUPPORT_ELSEWHERE', 'OTHER');

-- CreateTable
CREATE TABLE "Child" (
    "id" UUID NOT NULL,
    "cpr" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "gender" "Gender" NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustodyHolder" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relation" "CustodyRelation" NOT NULL,
    "objectsToVideoInterview" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CustodyHolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "source" "NotificationSource" NOT NULL,
    "concern" TEXT NOT NULL,
    "assessedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildAssessment" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChildAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "boernehusRegion" "Region" NOT NULL,
    "referredAt" TIMESTAMPTZ(3) NOT NULL,
    "suspicionOrKnowledge" BOOLEAN NOT NULL,
    "childAssessmentDecided" BOOLEAN NOT NULL,
    "otherSectorInvolved" BOOLEAN NOT NULL,
    "abuseTypes" "AbuseType"[],
    "policeReportFiled" BOOLEAN NOT NULL,
    "referredBySub" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseworkerAssignment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "caseworkerSub" TEXT NOT NULL,
    "caseworkerName" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseworkerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationResponse" (
    "id" UUID NOT NULL,
    "recommendationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "response" "ResponseKind" NOT NULL,
    "measureId" UUID,
    "otherSupport" TEXT,
    "declineReason" "DeclineReason",
    "note" TEXT,
    "respondedAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedBySub" TEXT NOT NULL,
    "respondedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Child_cpr_key" ON "Child"("cpr");

-- CreateIndex
CREATE INDEX "Child_municipalityCode_idx" ON "Child"("municipalityCode");

-- CreateIndex
CREATE INDEX "CustodyHolder_childId_idx" ON "CustodyHolder"("childId");

-- CreateIndex
CREATE INDEX "Notification_childId_idx" ON "Notification"("childId");

-- CreateIndex
CREATE INDEX "ChildAssessment_childId_idx" ON "ChildAssessment"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_caseId_key" ON "Referral"("caseId");

-- CreateIndex
CREATE INDEX "Referral_childId_idx" ON "Referral"("childId");

-- CreateIndex
CREATE INDEX "Referral_municipalityCode_referredAt_idx" ON "Referral"("municipalityCode", "referredAt");

-- CreateIndex
CREATE INDEX "Referral_boernehusRegion_idx" ON "Referral"("boernehusRegion");

-- CreateIndex
CREATE INDEX "CaseworkerAssignment_caseId_idx" ON "CaseworkerAssignment"("caseId");

-- CreateIndex
CREATE INDEX "CaseworkerAssignment_caseworkerSub_idx" ON "CaseworkerAssignment"("caseworkerSub");

-- CreateIndex
CREATE INDEX "Measure_caseId_idx" ON "Measure"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationResponse_recommendationId_key" ON "RecommendationResponse"("recommendationId");

-- CreateIndex
CREATE INDEX "RecommendationResponse_caseId_idx" ON "RecommendationResponse"("caseId");

-- CreateIndex
CREATE INDEX "RecommendationResponse_measureId_idx" ON "RecommendationResponse"("measureId");

-- AddForeignKey
ALTER TABLE "CustodyHolder" ADD CONSTRAINT "CustodyHolder_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildAssessment" ADD CONSTRAINT "ChildAssessment_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseworkerAssignment" ADD CONSTRAINT "CaseworkerAssignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Referral"("caseId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Referral"("caseId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationResponse" ADD CONSTRAINT "RecommendationResponse_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Referral"("caseId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationResponse" ADD CONSTRAINT "RecommendationResponse_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

