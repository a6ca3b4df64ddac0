-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisation" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "planHash" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "officeHours" BOOLEAN,
    "status" TEXT NOT NULL DEFAULT 'active',
    "declaredById" TEXT NOT NULL,
    "declaredAt" DATETIME NOT NULL,
    "detectedAt" DATETIME,
    "reportedBy" TEXT,
    "situation" TEXT,
    "locationId" TEXT,
    "closedById" TEXT,
    "closedAt" DATETIME,
    "sealHash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Page" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "escalatedFrom" TEXT,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "sentAt" DATETIME NOT NULL,
    "ackDueAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "answerSource" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Page_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "situation" TEXT NOT NULL,
    "locationId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    "reason" TEXT,
    "evaluation" TEXT,
    CONSTRAINT "Decision_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "planTaskId" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "serviceId" TEXT,
    "priority" INTEGER NOT NULL,
    "functionId" TEXT,
    "deadlineAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "ownerId" TEXT,
    "claimedAt" DATETIME,
    "completedAt" DATETIME,
    "blockedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Task_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "rtoHours" INTEGER NOT NULL,
    "deadlineAt" DATETIME NOT NULL,
    "restoredAt" DATETIME,
    "restoredById" TEXT,
    "restoredBy" TEXT,
    CONSTRAINT "IncidentService_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leasedBy" TEXT,
    "leasedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "deliveredRef" TEXT,
    CONSTRAINT "OutboxMessage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "correctsId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "TimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationRef" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Incident_organisation_status_idx" ON "Incident"("organisation", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_organisation_number_key" ON "Incident"("organisation", "number");

-- CreateIndex
CREATE INDEX "Page_incidentId_personId_idx" ON "Page"("incidentId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Page_incidentId_functionId_attempt_key" ON "Page"("incidentId", "functionId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_incidentId_seq_key" ON "Decision"("incidentId", "seq");

-- CreateIndex
CREATE INDEX "Task_incidentId_status_idx" ON "Task"("incidentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Task_incidentId_situation_planTaskId_key" ON "Task"("incidentId", "situation", "planTaskId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentService_incidentId_situation_serviceId_key" ON "IncidentService"("incidentId", "situation", "serviceId");

-- CreateIndex
CREATE INDEX "ScheduledJob_status_dueAt_idx" ON "ScheduledJob"("status", "dueAt");

-- CreateIndex
CREATE INDEX "ScheduledJob_incidentId_idx" ON "ScheduledJob"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledJob_kind_subjectId_dueAt_key" ON "ScheduledJob"("kind", "subjectId", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_incidentId_idx" ON "OutboxMessage"("incidentId");

-- CreateIndex
CREATE INDEX "TimelineEntry_incidentId_type_idx" ON "TimelineEntry"("incidentId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "TimelineEntry_incidentId_seq_key" ON "TimelineEntry"("incidentId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationRef_platform_key_key" ON "ConversationRef"("platform", "key");
