-- CreateEnum
CREATE TYPE "ObjectionOverrideBasis" AS ENUM ('OBJECTOR_IS_SUSPECT', 'OTHER_HOLDER_CONSENTS', 'DECISION_WITHOUT_CONSENT');

-- AlterTable
ALTER TABLE "VideoInterview" ADD COLUMN     "custodyObjection" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "objectionOverriddenBy" TEXT,
ADD COLUMN     "objectionOverrideBasis" "ObjectionOverrideBasis",
ADD COLUMN     "objectionOverrideReason" TEXT;

