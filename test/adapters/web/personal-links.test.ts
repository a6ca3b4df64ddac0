// The local chat and personal parts: the answer to a command is shown only to whoever typed it
// (it may carry a personal part), and what everyone in the local chat sees (cards, notices,
// reviews) carries no sign-in token or phone number. Local mode has no sign-in links and reaches
// everyone in the chat, so this guards the shape rather than a link. SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { peoplesNumbers, personalIn } from "../../support/personal.ts";
import { P, startWebRamp, visible } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const WALK = [
  "/ramp melding Rook in de serverruimte van het administratief centrum",
  "/ramp",
  "/ramp help",
  "/ramp brand",
  "/ramp bord",
  "/ramp start groot Brand in het administratief centrum",
  "/ramp status",
  "/ramp taken",
  "/ramp evaluatie Serverlokaal uitgebrand, kantoren onbruikbaar",
  "/ramp besluit B De eigen gebouwen volstaan",
  "/ramp taken mijn",
  "/ramp log #oorzaak Kortsluiting in de serverruimte",
  "/ramp hersteld administratie",
  "/ramp ernst crisis",
  "/ramp review",
  "/ramp stop Brand geblust",
  "/ramp review",
  "/ramp bord",
];

describe("personal parts in the local chat", () => {
  it("shows every answer only to whoever typed the command, and nothing personal to the others", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-web-personal-"));
    dirs.push(dir);
    const s = await startWebRamp(`file:${path.join(dir, "ramp.db")}`);
    try {
      const numbers = peoplesNumbers(s.ramp.plan);
      const pieter = s.browser();
      const hanne = s.browser();
      await pieter.becomes(P.pieter);
      await hanne.becomes("hanne-desmet");
      for (const words of WALK) await pieter.say(words);
      const own = visible((await pieter.get("/chat")).text);
      expect(own).toContain(`Het crisisbord staat op ${s.ramp.url}/`);
      expect(own).toContain("taken nog niet klaar");

      const feed = (await hanne.get("/chat/feed")).text;
      const seen = visible(feed);
      // The incident reached everyone; the answers to Pieter's commands did not.
      expect(seen).toContain("Incident 2026-001");
      for (const words of WALK.filter((w) => w !== "/ramp")) expect(seen).not.toContain(words);
      expect(seen).not.toContain("Het crisisbord staat op");
      expect(seen).not.toContain("taken nog niet klaar");
      expect(personalIn(feed, numbers)).toBeNull();
    } finally {
      await s.close();
    }
  }, 120_000);
});
