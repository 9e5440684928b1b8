-- CreateTable
CREATE TABLE "SurveyAnswerFact" (
    "id" SERIAL NOT NULL,
    "region" "Region" NOT NULL,
    "respondent" TEXT NOT NULL,
    "answeredOn" DATE NOT NULL,
    "questionKey" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "SurveyAnswerFact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SurveyAnswerFact_answeredOn_idx" ON "SurveyAnswerFact"("answeredOn");

