-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "exercise" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scenarioId" TEXT;
