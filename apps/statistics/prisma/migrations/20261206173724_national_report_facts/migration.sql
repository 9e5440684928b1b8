-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('GIRL', 'BOY');

-- CreateEnum
CREATE TYPE "SuspectRelationGroup" AS ENUM ('FAMILY', 'KNOWN_OUTSIDE_FAMILY', 'STRANGER', 'UNKNOWN');

-- AlterTable
ALTER TABLE "CourseFact" ADD COLUMN     "childGender" "Gender",
ADD COLUMN     "suspectRelationGroups" "SuspectRelationGroup"[];

