// For the benchmark only: Ramp's listeners as they were before the inbox — acknowledge first,
// then run the command — to measure the inbox's cost next to it. Nothing is stored before the
// 200: an interaction is handed straight to its handler, outside any inbox scope, so the
// command's transaction does what it did before (no inbox row to mark).
import { randomUUID } from "node:crypto";
import { Inbox } from "../src/core/inbox.ts";
import type { InboxItem } from "../src/core/ports.ts";

export class AckFirstInbox extends Inbox {
  override async receive(
    platform: string,
    key: string,
    kind: string,
    payload: unknown,
  ): Promise<InboxItem | null> {
    return {
      id: randomUUID(),
      platform,
      key,
      kind,
      payload: JSON.stringify(payload),
      receivedAt: new Date(),
      status: "pending",
      attempts: 1,
    };
  }

  override async process(item: InboxItem): Promise<void> {
    await this.handlerFor(item.kind)(JSON.parse(item.payload), true, item);
  }

  override async recover(): Promise<number> {
    return 0;
  }
}
