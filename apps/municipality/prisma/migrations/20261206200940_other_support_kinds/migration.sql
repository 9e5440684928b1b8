-- CreateEnum
CREATE TYPE "OtherSupportKind" AS ENUM ('ALONGSIDE_COURSE', 'EARLY_PREVENTIVE', 'PRIVATE_TREATMENT');

-- AlterTable
ALTER TABLE "RecommendationResponse" ADD COLUMN     "otherSupportKind" "OtherSupportKind";

