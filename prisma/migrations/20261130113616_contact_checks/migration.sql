-- CreateTable
CREATE TABLE "ContactCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "planHash" TEXT NOT NULL,
    "channel" TEXT,
    "askedAt" DATETIME NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answerData" TEXT
);

-- CreateTable
CREATE TABLE "PlanAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "note" TEXT,
    "planHash" TEXT NOT NULL,
    "planVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "ContactCheck_askedAt_idx" ON "ContactCheck"("askedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactCheck_personId_round_key" ON "ContactCheck"("personId", "round");

-- CreateIndex
CREATE INDEX "PlanAmendment_status_idx" ON "PlanAmendment"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAmendment_source_sourceId_personId_field_key" ON "PlanAmendment"("source", "sourceId", "personId", "field");
