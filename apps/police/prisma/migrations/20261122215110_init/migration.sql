-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('MUNICIPALITY', 'POLICE', 'HEALTH', 'BOERNEHUS', 'NATIONAL');

-- CreateEnum
CREATE TYPE "InvestigationStatus" AS ENUM ('OPEN', 'CHARGED', 'DROPPED', 'CLOSED');

-- CreateEnum
CREATE TYPE "VideoInterviewStatus" AS ENUM ('BOOKED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SuspectRelation" AS ENUM ('PARENT', 'STEP_PARENT', 'SIBLING', 'OTHER_FAMILY', 'KNOWN_ADULT', 'PEER', 'STRANGER', 'UNKNOWN');

-- CreateTable
CREATE TABLE "PoliceReport" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "journalNumber" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "investigationStatus" "InvestigationStatus" NOT NULL DEFAULT 'OPEN',
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PoliceReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoInterview" (
    "id" UUID NOT NULL,
    "policeReportId" UUID NOT NULL,
    "status" "VideoInterviewStatus" NOT NULL DEFAULT 'BOOKED',
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "heldAt" TIMESTAMPTZ(3),
    "observers" "Sector"[],
    "cancellationReason" TEXT,
    "interviewerName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VideoInterview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suspect" (
    "id" UUID NOT NULL,
    "policeReportId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relation" "SuspectRelation" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suspect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PoliceReport_journalNumber_key" ON "PoliceReport"("journalNumber");

-- CreateIndex
CREATE INDEX "PoliceReport_caseId_idx" ON "PoliceReport"("caseId");

-- CreateIndex
CREATE INDEX "PoliceReport_district_idx" ON "PoliceReport"("district");

-- CreateIndex
CREATE INDEX "VideoInterview_policeReportId_idx" ON "VideoInterview"("policeReportId");

-- CreateIndex
CREATE INDEX "Suspect_policeReportId_idx" ON "Suspect"("policeReportId");

-- AddForeignKey
ALTER TABLE "VideoInterview" ADD CONSTRAINT "VideoInterview_policeReportId_fkey" FOREIGN KEY ("policeReportId") REFERENCES "PoliceReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspect" ADD CONSTRAINT "Suspect_policeReportId_fkey" FOREIGN KEY ("policeReportId") REFERENCES "PoliceReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

