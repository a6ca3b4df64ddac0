-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
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
    "version" INTEGER NOT NULL DEFAULT 0,
    "meeting" TEXT NOT NULL DEFAULT 'primary',
    "arriveBy" DATETIME,
    "exercise" BOOLEAN NOT NULL DEFAULT false,
    "scenarioId" TEXT
);
INSERT INTO "new_Incident" ("arriveBy", "classification", "closedAt", "closedById", "declaredAt", "declaredById", "description", "detectedAt", "id", "locationId", "meeting", "number", "officeHours", "organisation", "planHash", "reportedBy", "scope", "sealHash", "situation", "status", "version") SELECT "arriveBy", "classification", "closedAt", "closedById", "declaredAt", "declaredById", "description", "detectedAt", "id", "locationId", "meeting", "number", "officeHours", "organisation", "planHash", "reportedBy", "scope", "sealHash", "situation", "status", "version" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE INDEX "Incident_organisation_status_idx" ON "Incident"("organisation", "status");
CREATE UNIQUE INDEX "Incident_organisation_number_key" ON "Incident"("organisation", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
