-- CreateTable
CREATE TABLE "PlanCopy" (
    "planHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "channel" TEXT,
    "createdAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "remindedAt" DATETIME,

    PRIMARY KEY ("planHash", "personId")
);

-- CreateIndex
CREATE INDEX "PlanCopy_personId_idx" ON "PlanCopy"("personId");
