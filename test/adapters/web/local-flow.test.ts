// Local mode (no Slack, no Teams): a whole incident through the local chat and the board's
// buttons, by plain form posts as a browser without JavaScript sends them, with the board
// following every step.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PLAN_PATH } from "../../../src/plan/load.ts";
import { docxParagraphs } from "../../review/helpers.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { buttons, P, startWebRamp, visible, type WebBrowser, type WebRamp } from "./harness.ts";

describeEachDatabase("web: a whole incident in the local chat", (target) => {
  let s: WebRamp;
  let pieter: WebBrowser;
  let marleen: WebBrowser;
  let els: WebBrowser;
  let bart: WebBrowser;
  let wall: WebBrowser;
  let incidentId: string;

  beforeAll(async () => {
    s = await startWebRamp(target.url);
    pieter = s.browser();
    marleen = s.browser();
    els = s.browser();
    bart = s.browser();
    wall = s.browser();
    await pieter.becomes(P.pieter);
    await marleen.becomes(P.marleen);
    await els.becomes("els-verhaeghe");
    await bart.becomes(P.bart);
  });
  afterAll(async () => {
    await s?.close();
  });

  const board = async () => visible((await wall.get("/")).text);

  it("asks who you are first, listing the coordinator and the deputies at the top", async () => {
    const stranger = s.browser();
    const page = await stranger.get("/chat");
    expect(page.status).toBe(200);
    expect(page.text).toContain('<label for="who">Wie bent u?</label>');
    const options = [...page.text.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(options.slice(0, 2)).toEqual([P.pieter, P.sofie]);
    expect(options).toHaveLength(s.ramp.plan.people.length);
  });

  it("shows an empty board before anything happened", async () => {
    const text = await board();
    expect(text).toContain("Er loopt geen incident.");
    expect(text).toContain("Nog geen afgesloten incidenten.");
  });

  it("declares with /ramp start and answers only the coordinator", async () => {
    const chat = visible(await pieter.say("/ramp start groot Brand in het administratief centrum"));
    expect(chat).toContain("/ramp start groot Brand in het administratief centrum");
    expect(chat).toContain("Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen.");
    expect(chat).toContain("Enkel voor u zichtbaar");
    incidentId = (await s.ramp.engine.activeIncidents())[0]!.id;
    // The reply is Pieter's; Marleen sees the incident's cards and her own page, not his reply.
    const other = visible((await marleen.get("/chat")).text);
    expect(other).not.toContain("is gestart");
    expect(other).toContain("Incident 2026-001 — Brand in het administratief centrum");
    expect(other).toContain("U wordt opgeroepen voor de crisisstaf als Voorzitter");
    // What the page is about comes first.
    expect(other.indexOf("Incident 2026-001 — Brand")).toBeLessThan(
      other.indexOf("U wordt opgeroepen"),
    );
  });

  it("shows the incident, its paging and the timeline on the board", async () => {
    const text = await board();
    expect(text).toContain("Incident 2026-001 — Brand in het administratief centrum");
    expect(text).toContain("Groot");
    expect(text).toContain("Nog geen beslissing (situatie A of B)");
    expect(text).toContain("Oproeping crisisstaf");
    expect(text).toMatch(/Voorzitter Marleen Vandamme Opgeroepen, nog geen antwoord/);
    expect(text).toContain("Incident 2026-001 gestart: Brand in het administratief centrum");
    // The review drafted from the timeline so far, for the coordinator's interim reports.
    const page = (await wall.get("/")).text;
    expect(page).toContain(
      `<a href="/incidents/${incidentId}/review">Post-incident review: ontwerp tot nu</a> (<a href="/incidents/${incidentId}/review.docx" download>Word-document</a>)`,
    );
    const draft = visible((await wall.get(`/incidents/${incidentId}/review`)).text);
    expect(draft).toContain("Het incident loopt nog: alle cijfers gelden tot");
  });

  it("answers pages with Ik kom and Ik kan niet; a decline pages the alternate", async () => {
    const page = (await marleen.get("/chat")).text;
    const [coming] = buttons(page, "page.coming");
    expect(coming).toBeDefined();
    // Only her own page carries buttons for her.
    expect(buttons(page, "page.coming")).toHaveLength(1);
    expect((await marleen.press(coming!, "/chat")).status).toBe(303);
    expect(visible((await marleen.get("/chat")).text)).toContain("Komt (zo 22 nov 09:00)");

    const [declined] = buttons((await els.get("/chat")).text, "page.declined");
    expect((await els.press(declined!, "/chat")).status).toBe(303);

    const text = await board();
    expect(text).toMatch(/Voorzitter Marleen Vandamme Komt/);
    expect(text).toMatch(/Diensthoofd Sociale Dienst Els Verhaeghe Vervanger opgeroepen/);
    expect(text).toMatch(/Diensthoofd Sociale Dienst Ines Lambrecht Opgeroepen, nog geen antwoord/);
    expect(text).toContain("Marleen Vandamme (Voorzitter): ik kom");
    expect(text).toContain("Els Verhaeghe (Diensthoofd Sociale Dienst): ik kan niet");
  });

  it("refuses someone else's page and tells only them why, in the conversation", async () => {
    const [elsPage] = buttons((await els.get("/chat")).text, "page.coming");
    expect((await marleen.press(elsPage!, "/chat")).status).toBe(303);
    expect(visible((await marleen.get("/chat")).text)).toContain(
      "Deze oproep is voor Els Verhaeghe.",
    );
    expect(visible((await els.get("/chat")).text)).not.toContain("Deze oproep is voor");
  });

  it("lets only the coordinator decide; the decision brings services with deadlines and tasks", async () => {
    // Marleen is no leader: no decision buttons on her board.
    expect(buttons((await marleen.get("/")).text, "decision.decide")).toEqual([]);
    const choices = buttons((await pieter.get("/")).text, "decision.decide");
    const b = choices.find((v) => v.endsWith("|B|"));
    expect(b).toBe(`decision.decide|${incidentId}|B|`);
    expect(choices.length).toBeGreaterThan(1);
    const decided = await pieter.press(b!, "/", { reason: "Gebouw blijft bruikbaar" });
    expect(decided.status).toBe(303);
    expect(decided.location).toBe("/");

    const html = (await wall.get("/")).text;
    const text = visible(html);
    // The decision as the view words it, on the board's heading.
    const decision = (await s.ramp.engine.views.incidentCard(incidentId)).decision;
    expect(decision).toContain(s.ramp.plan.situations.B.name);
    expect(text).toContain(`Beslissing: ${decision}`);
    expect(text).toContain("Prioritaire diensten");
    // Services in priority order, each with a ticking countdown and a time chart.
    const names = s.ramp.plan.situations.B.services.map((service) => service.name);
    const positions = names.map((name) => html.indexOf(name));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toMatch(
      /<time class="countdown" datetime="2026-11-2\dT[\d:.]+Z" data-countdown>nog \d+ u/,
    );
    expect(html).toContain('<svg viewBox="0 0 1000 30"');
    expect(text).toContain("Technische fase");
    expect(text).toContain("Organisatorische fase");
    expect(text).toContain("Beslist: situatie B (Gebouw blijft bruikbaar)");
  });

  it("claims and completes a task; the board shows the owner and the status", async () => {
    const tasks = await s.ramp.engine.ctx.store.tasks.listForIncident(incidentId);
    const task = tasks.find((t) => t.situation === "B" && t.functionId === "deskundige-ict")!;
    const claim = `task.claim|${task.id}||`;
    expect(buttons((await bart.get("/")).text, "task.claim")).toContain(claim);
    expect((await bart.press(claim, "/")).status).toBe(303);

    let text = await board();
    expect(text).toContain(`${task.title} Opgenomen`);
    expect(text).toContain(`Wie Bart Lannoo`);
    expect(text).toContain(`Taak "${task.title}" opgenomen`);

    // Someone else cannot claim it any more: a message for them, the task stays Bart's.
    const taken = await marleen.press(claim, "/");
    expect(taken.status).toBe(303);
    expect(visible((await marleen.get("/")).text)).toContain("Al opgenomen door Bart Lannoo.");

    expect(buttons((await bart.get("/")).text, "task.complete")).toContain(
      `task.complete|${task.id}||`,
    );
    expect((await bart.press(`task.complete|${task.id}||`, "/")).status).toBe(303);
    text = await board();
    expect(text).toContain(`Taak "${task.title}" klaar`);
    const done = await s.ramp.engine.views.taskCard(task.id);
    expect(done.status).toBe("done");
    expect(text).toContain(`${task.title} Klaar`);
  });

  it("blocks a task only with a reason", async () => {
    const open = (await s.ramp.engine.ctx.store.tasks.listForIncident(incidentId)).find(
      (t) => t.situation === "B" && t.status === "open",
    )!;
    const block = `task.block|${open.id}||`;
    expect(buttons((await bart.get("/")).text, "task.block")).toContain(block);
    await bart.press(block, "/", { reason: "" });
    expect(visible((await bart.get("/")).text)).toContain("Geef een reden");
    await bart.press(block, "/", { reason: "Geen toegang tot het serverlokaal" });
    expect(await board()).toContain("Geblokkeerd: Geen toegang tot het serverlokaal");
  });

  it("answers /ramp status, /ramp taken and /ramp bord in the chat", async () => {
    const chat = visible(await pieter.say("/ramp status"));
    expect(chat).toContain("taken nog niet klaar");
    const tasks = await pieter.say("/ramp taken");
    expect(visible(tasks)).toContain("Taken — incident 2026-001");
    const bord = visible(await pieter.say("/ramp bord"));
    expect(bord).toContain(`Het crisisbord staat op ${s.ramp.url}/`);
  });

  it("closes with /ramp stop: the board lists the incident as past, with its own board", async () => {
    const chat = visible(await pieter.say("/ramp stop Brand geblust"));
    expect(chat).toContain("Incident 2026-001 is afgesloten");
    const text = await board();
    expect(text).toContain("Er loopt geen incident.");
    const home = (await wall.get("/")).text;
    expect(home).toContain(
      `<a href="/incidents/${incidentId}">2026-001 — Brand in het administratief centrum</a>`,
    );

    const past = await wall.get(`/incidents/${incidentId}`);
    expect(past.status).toBe(200);
    const pastText = visible(past.text);
    expect(pastText).toContain("Afgesloten");
    // Newest first: the close above the declaration.
    const closedAt = pastText.indexOf("Incident afgesloten: Brand geblust");
    const declaredAt = pastText.indexOf("Incident 2026-001 gestart");
    expect(closedAt).toBeGreaterThan(0);
    expect(declaredAt).toBeGreaterThan(closedAt);
    // A closed incident offers no buttons.
    expect(buttons((await pieter.get(`/incidents/${incidentId}`)).text, "task")).toEqual([]);
    expect((await wall.get("/incidents/does-not-exist")).status).toBe(404);

    // The post-incident review, linked from the list of past incidents.
    const reviewPage = `/incidents/${incidentId}/review`;
    expect(home).toContain(
      `<a href="${reviewPage}">post-incident review</a> (<a href="${reviewPage}.docx" download>Word-document</a>)`,
    );
    const review = await wall.get(reviewPage);
    expect(review.status).toBe(200);
    expect(review.headers.get("content-type")).toMatch(/^text\/html/);
    expect(visible(review.text)).toContain("2026-001");
    expect(review.text).toContain(`<a href="${reviewPage}.docx" download>Word-document</a>`);
    expect((await wall.get("/incidents/does-not-exist/review")).status).toBe(404);
    expect((await wall.get("/incidents/does-not-exist/review.docx")).status).toBe(404);
  });

  it("shares the first draft of the review in the chat on close, with its Word document", async () => {
    const feed = (await pieter.get("/chat")).text;
    const card = /<article class="card card-review"[\s\S]*?<\/article>/.exec(feed)?.[0] ?? "";
    const text = visible(card);
    expect(text).toContain("Post-incident review — incident 2026-001");
    expect(text).toContain(
      "Incident 2026-001 is afgesloten. Hier is het eerste ontwerp van de post-incident review",
    );
    expect(text).toContain("Ernst Groot");
    expect(text).toMatch(/\d+ van de \d+ vragen zijn aan het team/);
    expect(card).toContain(
      `href="/incidents/${incidentId}/review.docx" download>Word-document</a>`,
    );

    const docx = await fetch(`${s.ramp.url}/incidents/${incidentId}/review.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers.get("content-disposition")).toBe(
      'attachment; filename="post-incident-review-2026-001.docx"',
    );
    const bytes = Buffer.from(await docx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect((await docxParagraphs(bytes)).join("\n")).toContain("incident 2026-001");
    const md = await wall.get(`/incidents/${incidentId}/review.md`);
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.text).toMatch(/^# Post-incident review — incident 2026-001/);
  });

  it("shares the review again with /ramp review, but not twice when nothing changed", async () => {
    // Just after the close, the draft shared then is still current.
    const unchanged = visible(await marleen.say("/ramp review 2026-001"));
    expect(unchanged).toContain("Ernst: Groot");
    expect(unchanged).toContain(
      "Sinds het ontwerp van zo 22 nov 09:00 werd niets nieuws vastgelegd: het staat al in het incidentkanaal.",
    );
    s.clock.advanceMinutes(15);
    const shared = visible(await marleen.say("/ramp review"));
    expect(shared).toContain(
      "Het ontwerp en het Word-document worden gedeeld in het incidentkanaal.",
    );
    const feed = (await pieter.get("/chat")).text;
    const cards = [...feed.matchAll(/<article class="card card-review"[\s\S]*?<\/article>/g)];
    expect(cards).toHaveLength(2);
    expect(visible(cards[1]![0])).toContain(
      "De post-incident review van incident 2026-001 is opnieuw opgemaakt uit de tijdlijn op vraag van Marleen Vandamme.",
    );
  });
});

describe("web: local mode", () => {
  it("shows a staff report to the leaders and on the board, and starts the form from it", async () => {
    const dir = mkdtempSync(`${tmpdir()}/ramp-web-report-`);
    const s = await startWebRamp(`file:${dir}/ramp.db`);
    try {
      const bart = s.browser();
      await bart.becomes(P.bart);
      const sent = visible(await bart.say("/ramp melding Rook uit het serverlokaal"));
      expect(sent).toContain("Uw melding is doorgegeven aan Pieter Declercq, Sofie Vermeulen.");
      const wall = visible((await s.browser().get("/")).text);
      expect(wall).toContain("Meldingen, nog geen incident gestart");
      expect(wall).toMatch(/Bart Lannoo \(zo 22 nov 09:00\) ?: Rook uit het serverlokaal/);

      const pieter = s.browser();
      await pieter.becomes(P.pieter);
      await s.ramp.scheduler.tick();
      const chat = (await pieter.get("/chat")).text;
      expect(visible(chat)).toContain("Melding van een incident");
      expect(visible(chat)).toContain("Melding van Bart Lannoo");
      const form = await pieter.say("/ramp start");
      expect(form).toMatch(
        /name="description" required maxlength="200" autocomplete="off" value="Rook uit het serverlokaal"/,
      );
    } finally {
      await s.close();
    }
  });

  it("opens the start form for /ramp start without details, and declares from it", async () => {
    const dir = mkdtempSync(`${tmpdir()}/ramp-web-form-`);
    const s = await startWebRamp(`file:${dir}/ramp.db`);
    try {
      const sofie = s.browser();
      await sofie.becomes(P.sofie);
      const help = visible(await sofie.say("/ramp help"));
      expect(help).toContain("/ramp bord uw persoonlijke link naar het crisisbord in de browser");
      const unknown = visible(await sofie.say("/ramp brandalarm"));
      expect(unknown).toContain('"brandalarm" ken ik niet. Dit kan wel:');

      const form = await sofie.say("/ramp start");
      expect(form).toContain('<form method="post" action="/chat/start"');
      for (const label of ["Ernst", "Omvang", "Omschrijving"]) {
        expect(form).toMatch(new RegExp(`<label for="start-\\d+-\\w+">${label}</label>`));
      }
      // The scope is unknown until someone says: "nog onbekend" is chosen, never "totaal".
      expect(form).toMatch(
        /<select id="start-\d+-scope" name="scope"><option value="onbekend" selected>nog onbekend<\/option><option value="totaal">/,
      );
      const sent = await sofie.post("/chat/start", {
        classification: "crisis",
        scope: "gedeeltelijk",
        description: "Stroompanne in het Sociaal Huis",
        back: "/chat",
      });
      expect(sent.status).toBe(303);
      const chat = visible((await sofie.get("/chat")).text);
      expect(chat).toContain("/ramp start crisis gedeeltelijk Stroompanne in het Sociaal Huis");
      expect(chat).toContain("Incident 2026-001 is gestart");
      const [incident] = await s.ramp.engine.activeIncidents();
      expect(incident).toMatchObject({
        classification: "crisis",
        scope: "gedeeltelijk",
        declaredById: P.sofie,
      });
    } finally {
      await s.close();
    }
  });

  it("lets only the coordinator and the deputies declare", async () => {
    const dir = mkdtempSync(`${tmpdir()}/ramp-web-refuse-`);
    const s = await startWebRamp(`file:${dir}/ramp.db`);
    try {
      const hanne = s.browser();
      await hanne.becomes(P.hanne);
      const chat = visible(await hanne.say("/ramp start groot Brand"));
      expect(chat).toContain(
        "Enkel de coördinator of een plaatsvervanger kan een incident starten.",
      );
      expect(await s.ramp.engine.activeIncidents()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("speaks English when the plan's locale is en", async () => {
    const dir = mkdtempSync(`${tmpdir()}/ramp-web-en-`);
    const planFile = `${dir}/plan-en.yaml`;
    const sample = readFileSync(SAMPLE_PLAN_PATH, "utf8");
    expect(sample).toContain("\n  locale: nl\n");
    writeFileSync(planFile, sample.replace("\n  locale: nl\n", "\n  locale: en\n"));
    const s = await startWebRamp(`file:${dir}/ramp.db`, { env: { RAMP_PLAN: planFile } });
    try {
      const browser = s.browser();
      const board = await browser.get("/");
      expect(board.text).toContain('<html lang="en"');
      expect(visible(board.text)).toContain("There is no active incident.");
      expect(visible(board.text)).toContain("Crisis board");
      expect(visible((await browser.get("/chat")).text)).toContain("Who are you?");
      await browser.becomes(P.pieter);
      const chat = visible(
        await browser.say("/ramp start groot Fire in the administrative centre"),
      );
      expect(chat).toContain("Incident 2026-001 has started; the crisis staff is being paged.");
      expect(visible((await browser.get("/")).text)).toContain("Crisis staff paging");
    } finally {
      await s.close();
    }
  });

  it("is on by default and serves only loopback host names (no DNS rebinding)", async () => {
    const dir = mkdtempSync(`${tmpdir()}/ramp-web-local-`);
    const s = await startWebRamp(`file:${dir}/ramp.db`);
    try {
      expect(s.ramp.engine.ctx.channels).toEqual(["web"]);
      const browser = s.browser();
      expect((await browser.get("/")).status).toBe(200);
      // fetch() will not send another Host; a DNS-rebinding page's browser would.
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const url = new URL(s.ramp.url);
          request({ host: url.hostname, port: url.port, path: "/", headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on("error", reject)
            .end();
        });
      expect(await status("evil.example:3978")).toBe(421);
      expect(await status(`localhost:${new URL(s.ramp.url).port}`)).toBe(200);
    } finally {
      await s.close();
    }
  });
});
