// `/ramp ernst` in the local chat: an incident declared below the plan's threshold pages nobody;
// raising its classification to a level that activates the plan shows each crisis-staff member
// their page in the chat, once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import { P, startWebRamp, visible, type WebBrowser, type WebRamp } from "./harness.ts";

describeEachDatabase("web: raising the classification in the local chat", (target) => {
  let s: WebRamp;
  let pieter: WebBrowser;
  let marleen: WebBrowser;
  beforeAll(async () => {
    s = await startWebRamp(target.url);
    pieter = s.browser();
    marleen = s.browser();
    await pieter.becomes(P.pieter);
    await marleen.becomes(P.marleen);
  });
  afterAll(async () => {
    await s?.close();
  });

  const pages = async () => {
    const [incident] = await s.ramp.engine.activeIncidents();
    return s.ramp.engine.ctx.store.pages.listForIncident(incident!.id);
  };

  it("pages the crisis staff when 'klein' is raised to 'groot', and not again for 'crisis'", async () => {
    visible(await pieter.say("/ramp start klein Storing op de telefooncentrale"));
    expect(await pages()).toEqual([]);
    expect(visible((await marleen.get("/chat")).text)).not.toContain("U wordt opgeroepen");

    expect(visible(await pieter.say("/ramp ernst groot"))).toContain("Ernst gewijzigd naar groot.");
    expect(await pages()).toHaveLength(9);
    const chat = visible((await marleen.get("/chat")).text);
    expect(chat).toContain("U wordt opgeroepen voor de crisisstaf als Voorzitter");

    await pieter.say("/ramp ernst crisis");
    expect(await pages()).toHaveLength(9);
    const again = visible((await marleen.get("/chat")).text);
    expect(again.split("U wordt opgeroepen voor de crisisstaf").length - 1).toBe(1);
  });
});
