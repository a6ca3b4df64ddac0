-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "incidentId" TEXT,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_organisation_incidentId_reportedAt_idx" ON "Report"("organisation", "incidentId", "reportedAt");
