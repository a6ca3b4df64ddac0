-- CreateTable
CREATE TABLE "ReachabilityTest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisation" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "planHash" TEXT NOT NULL,
    "startedById" TEXT,
    "startedAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closedAt" DATETIME,
    "closedById" TEXT
);

-- CreateTable
CREATE TABLE "ReachabilityRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "testId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "answeredAt" DATETIME,
    "answerSource" TEXT,
    CONSTRAINT "ReachabilityRecipient_testId_fkey" FOREIGN KEY ("testId") REFERENCES "ReachabilityTest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ScheduledJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leasedBy" TEXT,
    "leasedUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "ScheduledJob_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ScheduledJob" ("attempts", "doneAt", "dueAt", "id", "incidentId", "kind", "lastError", "leasedBy", "leasedUntil", "status", "subjectId") SELECT "attempts", "doneAt", "dueAt", "id", "incidentId", "kind", "lastError", "leasedBy", "leasedUntil", "status", "subjectId" FROM "ScheduledJob";
DROP TABLE "ScheduledJob";
ALTER TABLE "new_ScheduledJob" RENAME TO "ScheduledJob";
CREATE INDEX "ScheduledJob_status_dueAt_idx" ON "ScheduledJob"("status", "dueAt");
CREATE INDEX "ScheduledJob_incidentId_idx" ON "ScheduledJob"("incidentId");
CREATE UNIQUE INDEX "ScheduledJob_kind_subjectId_dueAt_key" ON "ScheduledJob"("kind", "subjectId", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReachabilityTest_organisation_startedAt_idx" ON "ReachabilityTest"("organisation", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReachabilityTest_organisation_number_key" ON "ReachabilityTest"("organisation", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ReachabilityRecipient_testId_personId_key" ON "ReachabilityRecipient"("testId", "personId");
