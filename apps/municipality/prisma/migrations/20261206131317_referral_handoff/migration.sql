-- DropIndex
DROP INDEX "Referral_boernehusRegion_idx";

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "acknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "acknowledgedByName" TEXT,
ADD COLUMN     "courseRegisteredAt" TIMESTAMPTZ(3),
ADD COLUMN     "referredByName" TEXT;

-- CreateIndex
CREATE INDEX "Referral_boernehusRegion_courseRegisteredAt_idx" ON "Referral"("boernehusRegion", "courseRegisteredAt");


-- Referrals made before the hand-off existed had their course registered by hand: they are done.
UPDATE "Referral" SET "acknowledgedAt" = "referredAt", "courseRegisteredAt" = "referredAt";
