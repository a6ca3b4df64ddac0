-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "arriveBy" TIMESTAMP(3),
ADD COLUMN     "meeting" TEXT NOT NULL DEFAULT 'primary';
