import type { SmsLock, SmsPin, SmsRepository } from "../../core/sms/model.ts";
import type { Tx } from "./client.ts";

export class PrismaSms implements SmsRepository {
  constructor(private readonly db: Tx) {}

  pin(personId: string): Promise<SmsPin | null> {
    return this.db.smsPin.findUnique({ where: { personId } });
  }

  async setPin(pin: SmsPin): Promise<void> {
    await this.db.smsPin.upsert({ where: { personId: pin.personId }, create: pin, update: pin });
  }

  listPins(): Promise<Array<Omit<SmsPin, "hash" | "salt">>> {
    return this.db.smsPin.findMany({
      select: { personId: true, setById: true, setAt: true },
      orderBy: { personId: "asc" },
    });
  }

  lock(number: string): Promise<SmsLock | null> {
    return this.db.smsLock.findUnique({ where: { number } });
  }

  async putLock(lock: SmsLock): Promise<void> {
    await this.db.smsLock.upsert({ where: { number: lock.number }, create: lock, update: lock });
  }

  async clearLock(number: string): Promise<void> {
    await this.db.smsLock.deleteMany({ where: { number } });
  }
}
