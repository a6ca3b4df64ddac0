-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "attemptedAt" TIMESTAMP(3);
