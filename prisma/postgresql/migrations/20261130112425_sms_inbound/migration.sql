-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "number" INTEGER;

-- CreateTable
CREATE TABLE "SmsPin" (
    "personId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "setById" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsPin_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "SmsLock" (
    "number" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailedAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SmsLock_pkey" PRIMARY KEY ("number")
);
