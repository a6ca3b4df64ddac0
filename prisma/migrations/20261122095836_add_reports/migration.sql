-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisation" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reportedAt" DATETIME NOT NULL,
    "incidentId" TEXT
);

-- CreateIndex
CREATE INDEX "Report_organisation_incidentId_reportedAt_idx" ON "Report"("organisation", "incidentId", "reportedAt");
