-- AlterTable
ALTER TABLE "ScheduledJob" ALTER COLUMN "incidentId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ReachabilityTest" (
    "id" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "planHash" TEXT NOT NULL,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "ReachabilityTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReachabilityRecipient" (
    "id" TEXT NOT NULL,
    "testId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answerSource" TEXT,

    CONSTRAINT "ReachabilityRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReachabilityTest_organisation_startedAt_idx" ON "ReachabilityTest"("organisation", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReachabilityTest_organisation_number_key" ON "ReachabilityTest"("organisation", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ReachabilityRecipient_testId_personId_key" ON "ReachabilityRecipient"("testId", "personId");

-- AddForeignKey
ALTER TABLE "ReachabilityRecipient" ADD CONSTRAINT "ReachabilityRecipient_testId_fkey" FOREIGN KEY ("testId") REFERENCES "ReachabilityTest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
