-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "attemptedAt" DATETIME;
