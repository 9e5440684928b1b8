-- CreateTable
CREATE TABLE "CaseworkerCaseload" (
    "id" UUID NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "caseworkerSub" TEXT NOT NULL,
    "caseworkerName" TEXT NOT NULL,
    "totalCaseload" INTEGER NOT NULL,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseworkerCaseload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseworkerCaseload_municipalityCode_caseworkerSub_key" ON "CaseworkerCaseload"("municipalityCode", "caseworkerSub");

