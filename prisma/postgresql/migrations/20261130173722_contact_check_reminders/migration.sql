-- AlterTable
ALTER TABLE "ContactCheck" ADD COLUMN     "remindedAt" TIMESTAMP(3);
