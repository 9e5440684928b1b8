-- CreateEnum
CREATE TYPE "SurveyRespondent" AS ENUM ('CAREGIVER_FIRST_VISIT', 'CAREGIVER_FOLLOW_UP', 'YOUNG_PERSON', 'SAMRAAD_PARTICIPANT');

-- CreateTable
CREATE TABLE "SurveyQuestionSet" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "respondent" "SurveyRespondent" NOT NULL,
    "version" INTEGER NOT NULL,
    "questions" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "SurveyQuestionSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyLink" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "respondent" "SurveyRespondent" NOT NULL,
    "questionSetId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "SurveyLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "questionKey" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestionSet_region_respondent_version_key" ON "SurveyQuestionSet"("region", "respondent", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyLink_tokenHash_key" ON "SurveyLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SurveyLink_caseId_issuedAt_idx" ON "SurveyLink"("caseId", "issuedAt");

-- CreateIndex
CREATE INDEX "SurveyLink_region_answeredAt_idx" ON "SurveyLink"("region", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_linkId_questionKey_key" ON "SurveyAnswer"("linkId", "questionKey");

-- AddForeignKey
ALTER TABLE "SurveyLink" ADD CONSTRAINT "SurveyLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "BoernehusCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyLink" ADD CONSTRAINT "SurveyLink_questionSetId_fkey" FOREIGN KEY ("questionSetId") REFERENCES "SurveyQuestionSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "SurveyLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

