// The meeting address in the local chat and on the board: the start form offers the primary or
// the fallback address, `/ramp contactadres` moves it, and so does the coordinator's button;
// the paged people read the new address in their conversation. Form posts without JavaScript.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttons, P, startWebRamp, visible, type WebBrowser, type WebRamp } from "./harness.ts";

describe("web: the meeting address", () => {
  let s: WebRamp;
  let pieter: WebBrowser;
  let marleen: WebBrowser;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-web-meeting-"));

  beforeAll(async () => {
    s = await startWebRamp(`file:${path.join(dir, "ramp.db")}`);
    pieter = s.browser();
    marleen = s.browser();
    await pieter.becomes(P.pieter);
    await marleen.becomes(P.marleen);
  });
  afterAll(async () => {
    await s?.close();
  });

  const meeting = async () => (await s.ramp.engine.activeIncidents())[0]?.meeting;

  it("offers primary or fallback in the start form, primary checked, each with name and street", async () => {
    const form = await pieter.say("/ramp start");
    expect(form).toContain(
      '<fieldset class="meeting-choice"><legend>Contactadres van de crisisstaf</legend>',
    );
    expect(form).toContain(
      '<input type="radio" name="meeting" value="primary" checked> Primair contactadres: Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide',
    );
    expect(form).toContain(
      '<input type="radio" name="meeting" value="fallback"> Uitwijk-contactadres: Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide',
    );
  });

  it("declares at the chosen fallback address; the pages name it", async () => {
    const sent = await pieter.post("/chat/start", {
      classification: "crisis",
      scope: "totaal",
      meeting: "fallback",
      description: "Brand in het administratief centrum",
      back: "/chat",
    });
    expect(sent.status).toBe(303);
    expect(visible((await pieter.get("/chat")).text)).toContain(
      "/ramp start crisis totaal uitwijk Brand in het administratief centrum",
    );
    expect(await meeting()).toBe("fallback");
    expect(visible((await marleen.get("/chat")).text)).toContain(
      "Kom naar het uitwijk-contactadres Woonzorgcentrum Ter Heide, Kerkstraat 41",
    );
  });

  it("moves it with /ramp contactadres: the paged read the new address, the board's timeline shows it", async () => {
    const chat = visible(await pieter.say("/ramp contactadres primair Vals alarm"));
    expect(chat).toContain("Contactadres gewijzigd: Administratief Centrum Heidehof");
    expect(await meeting()).toBe("primary");
    expect(visible((await marleen.get("/chat")).text)).toMatch(
      /Nieuw contactadres voor incident 2026-001: kom naar Administratief Centrum Heidehof, .*tegen zo 22 nov 10:00\. Reden: Vals alarm\./,
    );
    expect(visible((await pieter.get("/")).text)).toContain(
      "Contactadres gewijzigd: Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide, aanwezig tegen zo 22 nov 10:00 (Vals alarm)",
    );
  });

  it("moves it with the coordinator's button on the board, with a reason; not for others", async () => {
    expect(buttons((await marleen.get("/")).text, "meeting.change")).toEqual([]);
    const board = (await pieter.get("/")).text;
    const [move] = buttons(board, "meeting.change");
    expect(move).toMatch(/\|fallback$/);
    expect(visible(board)).toContain(
      "Het contactadres wordt Uitwijk-contactadres — Woonzorgcentrum Ter Heide",
    );
    s.clock.set(new Date(s.clock.now().getTime() + 30 * 60_000));
    expect((await pieter.press(move!, "/", { reason: "Rook in het Heidehof" })).status).toBe(303);
    expect(await meeting()).toBe("fallback");
    const after = visible((await pieter.get("/")).text);
    expect(after).toContain("Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide");
    expect(after).toContain("aanwezig tegen zo 22 nov 10:30 (Uitwijk-contactadres)");
  });
});
