-- CreateTable
CREATE TABLE "ContactCheck" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "planHash" TEXT NOT NULL,
    "channel" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answerData" TEXT,

    CONSTRAINT "ContactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAmendment" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "PlanAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactCheck_askedAt_idx" ON "ContactCheck"("askedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactCheck_personId_round_key" ON "ContactCheck"("personId", "round");

-- CreateIndex
CREATE INDEX "PlanAmendment_status_idx" ON "PlanAmendment"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAmendment_source_sourceId_personId_field_key" ON "PlanAmendment"("source", "sourceId", "personId", "field");
