-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "recordedByName" TEXT,
ADD COLUMN     "recordedBySector" "Sector";

