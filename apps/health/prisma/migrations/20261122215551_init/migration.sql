-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('HOVEDSTADEN', 'SJAELLAND', 'SYDDANMARK', 'MIDTJYLLAND', 'NORDJYLLAND');

-- CreateEnum
CREATE TYPE "ExaminationKind" AS ENUM ('INITIAL_ASSESSMENT', 'FORENSIC', 'SOMATIC', 'PEDIATRIC');

-- CreateEnum
CREATE TYPE "MedicalExaminationStatus" AS ENUM ('SCHEDULED', 'PERFORMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OnwardReferralTarget" AS ENUM ('CHILD_PSYCHIATRY', 'PEDIATRICS', 'GENERAL_PRACTITIONER', 'OTHER');

-- CreateTable
CREATE TABLE "MedicalExamination" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "ExaminationKind" NOT NULL,
    "status" "MedicalExaminationStatus" NOT NULL DEFAULT 'SCHEDULED',
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "performedAt" TIMESTAMPTZ(3),
    "unit" TEXT NOT NULL,
    "hospitalRegion" "Region" NOT NULL,
    "physicianName" TEXT,
    "findingsSummary" TEXT,
    "clinicalDetails" TEXT,
    "cancellationReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MedicalExamination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnwardReferral" (
    "id" UUID NOT NULL,
    "examinationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "target" "OnwardReferralTarget" NOT NULL,
    "referredAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnwardReferral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MedicalExamination_caseId_idx" ON "MedicalExamination"("caseId");

-- CreateIndex
CREATE INDEX "MedicalExamination_hospitalRegion_idx" ON "MedicalExamination"("hospitalRegion");

-- CreateIndex
CREATE INDEX "OnwardReferral_examinationId_idx" ON "OnwardReferral"("examinationId");

-- CreateIndex
CREATE INDEX "OnwardReferral_caseId_idx" ON "OnwardReferral"("caseId");

-- AddForeignKey
ALTER TABLE "OnwardReferral" ADD CONSTRAINT "OnwardReferral_examinationId_fkey" FOREIGN KEY ("examinationId") REFERENCES "MedicalExamination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

