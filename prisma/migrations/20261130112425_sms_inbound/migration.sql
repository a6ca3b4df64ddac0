-- AlterTable
ALTER TABLE "Task" ADD COLUMN "number" INTEGER;

-- CreateTable
CREATE TABLE "SmsPin" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "setById" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SmsLock" (
    "number" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailedAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME
);
