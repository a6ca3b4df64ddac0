-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "handsetAt" TIMESTAMP(3);
