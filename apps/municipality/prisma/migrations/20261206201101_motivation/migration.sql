-- CreateEnum
CREATE TYPE "MotivationSetPoint" AS ENUM ('RECOMMENDATION_RESPONSE', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "MotivationLevel" AS ENUM ('HIGH', 'MIXED', 'LOW', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "MotivationBarrier" AS ENUM ('LONG_COURSE', 'TOO_MANY_PROFESSIONALS', 'PARENTAL_RESISTANCE', 'OTHER');

-- CreateTable
CREATE TABLE "MotivationRecord" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "setPoint" "MotivationSetPoint" NOT NULL,
    "childMotivation" "MotivationLevel" NOT NULL,
    "familyMotivation" "MotivationLevel" NOT NULL,
    "barriers" "MotivationBarrier"[],
    "otherBarrier" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedBySub" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MotivationRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MotivationRecord_caseId_setPoint_key" ON "MotivationRecord"("caseId", "setPoint");

-- AddForeignKey
ALTER TABLE "MotivationRecord" ADD CONSTRAINT "MotivationRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Referral"("caseId") ON DELETE RESTRICT ON UPDATE CASCADE;

