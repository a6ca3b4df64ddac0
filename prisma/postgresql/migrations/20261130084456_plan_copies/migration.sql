-- CreateTable
CREATE TABLE "PlanCopy" (
    "planHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "channel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "PlanCopy_pkey" PRIMARY KEY ("planHash","personId")
);

-- CreateIndex
CREATE INDEX "PlanCopy_personId_idx" ON "PlanCopy"("personId");
