-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('HOVEDSTADEN', 'SJAELLAND', 'SYDDANMARK', 'MIDTJYLLAND', 'NORDJYLLAND');

-- CreateEnum
CREATE TYPE "AbuseType" AS ENUM ('PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL');

-- CreateEnum
CREATE TYPE "BurdenLevel" AS ENUM ('LOW', 'MODERATE', 'HIGH');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('AGE_0_5', 'AGE_6_11', 'AGE_12_17');

-- CreateEnum
CREATE TYPE "CourseType" AS ENUM ('FULL_COURSE', 'SAMRAAD_ONLY');

-- CreateTable
CREATE TABLE "CourseFact" (
    "coursePseudonym" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "courseType" "CourseType" NOT NULL,
    "abuseTypes" "AbuseType"[],
    "burdenLevel" "BurdenLevel" NOT NULL,
    "ageBand" "AgeBand" NOT NULL,
    "referralReceivedOn" DATE NOT NULL,
    "firstSamraadHeldOn" DATE,
    "firstVideoInterviewHeldOn" DATE,
    "finalNoteSentOn" DATE,
    "recommendationCount" INTEGER NOT NULL,
    "responseMeasureStartedOn" DATE,
    "otherSupportRespondedOn" DATE,
    "caseworkerCount" INTEGER NOT NULL,
    "closedOn" DATE,

    CONSTRAINT "CourseFact_pkey" PRIMARY KEY ("coursePseudonym")
);

-- CreateTable
CREATE TABLE "AssignmentFact" (
    "id" SERIAL NOT NULL,
    "coursePseudonym" TEXT NOT NULL,
    "caseworkerPseudonym" TEXT NOT NULL,
    "fromOn" DATE NOT NULL,
    "toOn" DATE,

    CONSTRAINT "AssignmentFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" "Region" NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ChildPopulation" (
    "municipalityCode" TEXT NOT NULL,
    "ageBand" "AgeBand" NOT NULL,
    "children" INTEGER NOT NULL,

    CONSTRAINT "ChildPopulation_pkey" PRIMARY KEY ("municipalityCode","ageBand")
);

-- CreateTable
CREATE TABLE "ExtractionRun" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "asOf" DATE NOT NULL,
    "courses" INTEGER NOT NULL,

    CONSTRAINT "ExtractionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CourseFact_referralReceivedOn_idx" ON "CourseFact"("referralReceivedOn");

-- CreateIndex
CREATE INDEX "CourseFact_closedOn_idx" ON "CourseFact"("closedOn");

-- CreateIndex
CREATE INDEX "CourseFact_firstSamraadHeldOn_idx" ON "CourseFact"("firstSamraadHeldOn");

-- CreateIndex
CREATE INDEX "CourseFact_firstVideoInterviewHeldOn_idx" ON "CourseFact"("firstVideoInterviewHeldOn");

-- CreateIndex
CREATE INDEX "CourseFact_finalNoteSentOn_idx" ON "CourseFact"("finalNoteSentOn");

-- CreateIndex
CREATE INDEX "AssignmentFact_coursePseudonym_idx" ON "AssignmentFact"("coursePseudonym");

-- CreateIndex
CREATE INDEX "AssignmentFact_fromOn_idx" ON "AssignmentFact"("fromOn");

-- CreateIndex
CREATE INDEX "ExtractionRun_finishedAt_idx" ON "ExtractionRun"("finishedAt");

-- AddForeignKey
ALTER TABLE "ChildPopulation" ADD CONSTRAINT "ChildPopulation_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

