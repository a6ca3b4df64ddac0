-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "planHash" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "officeHours" BOOLEAN,
    "status" TEXT NOT NULL DEFAULT 'active',
    "declaredById" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL,
    "detectedAt" TIMESTAMP(3),
    "reportedBy" TEXT,
    "situation" TEXT,
    "locationId" TEXT,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "sealHash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Page" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "escalatedFrom" TEXT,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "sentAt" TIMESTAMP(3) NOT NULL,
    "ackDueAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answerSource" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Page_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "situation" TEXT NOT NULL,
    "locationId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "evaluation" TEXT,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "planTaskId" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "serviceId" TEXT,
    "priority" INTEGER NOT NULL,
    "functionId" TEXT,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "ownerId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "blockedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentService" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "rtoHours" INTEGER NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "restoredAt" TIMESTAMP(3),
    "restoredById" TEXT,
    "restoredBy" TEXT,

    CONSTRAINT "IncidentService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leasedBy" TEXT,
    "leasedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leasedBy" TEXT,
    "leasedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "deliveredRef" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "correctsId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationRef" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationRef_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentService" ADD CONSTRAINT "IncidentService_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledJob" ADD CONSTRAINT "ScheduledJob_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
