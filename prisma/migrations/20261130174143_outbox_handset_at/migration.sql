-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "handsetAt" DATETIME;
