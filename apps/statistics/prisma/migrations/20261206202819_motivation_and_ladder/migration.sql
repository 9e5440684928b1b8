-- AlterTable
ALTER TABLE "CourseFact" ADD COLUMN     "declinedForMotivation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "firstDeclinedOn" DATE,
ADD COLUMN     "responseMeasureLadderStep" INTEGER;

-- CreateIndex
CREATE INDEX "CourseFact_firstDeclinedOn_idx" ON "CourseFact"("firstDeclinedOn");

-- CreateIndex
CREATE INDEX "CourseFact_responseMeasureStartedOn_idx" ON "CourseFact"("responseMeasureStartedOn");

