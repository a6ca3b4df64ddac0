-- AlterTable
ALTER TABLE "ContactCheck" ADD COLUMN "remindedAt" DATETIME;
