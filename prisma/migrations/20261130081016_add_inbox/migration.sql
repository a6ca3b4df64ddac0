-- CreateTable
CREATE TABLE "InboxItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leasedBy" TEXT,
    "leasedUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" DATETIME,
    "lastError" TEXT
);

-- CreateIndex
CREATE INDEX "InboxItem_status_leasedUntil_idx" ON "InboxItem"("status", "leasedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "InboxItem_platform_key_key" ON "InboxItem"("platform", "key");
