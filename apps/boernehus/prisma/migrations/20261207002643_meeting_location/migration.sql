-- AlterTable
ALTER TABLE "SamraadMeeting" ADD COLUMN     "location" TEXT;

