// The board and the local chat per reader: what needs attention first, the reader's own tasks,
// only the buttons the reader may use, answers for the script, and a hint that fits the state.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import { buttons, P, startWebRamp, visible, type WebBrowser, type WebRamp } from "./harness.ts";

const JSON_POST = { headers: { "x-requested-with": "fetch", accept: "application/json" } };

describeEachDatabase("web: the board and the chat per reader", (target) => {
  let s: WebRamp;
  let pieter: WebBrowser;
  let marleen: WebBrowser;
  let bart: WebBrowser;
  let incidentId: string;

  beforeAll(async () => {
    s = await startWebRamp(target.url);
    pieter = s.browser();
    marleen = s.browser();
    bart = s.browser();
    await pieter.becomes(P.pieter);
    await marleen.becomes(P.marleen);
    await bart.becomes(P.bart);
  });
  afterAll(async () => {
    await s?.close();
  });

  const hint = (html: string) => /<p id="command-hint"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
  const placeholder = (html: string) => /id="command"[^>]*placeholder="([^"]*)"/.exec(html)?.[1];

  it("suggests /ramp start in the chat only while no incident runs", async () => {
    const idle = (await pieter.get("/chat")).text;
    expect(hint(idle)).toContain("/ramp start");
    expect(placeholder(idle)).toBe("/ramp start groot Brand in het administratief centrum");
    const feed = await pieter.get("/chat/feed");
    expect(feed.headers.get("x-ramp-incident")).toBe("none");

    await pieter.say("/ramp start groot Brand in het administratief centrum");
    incidentId = (await s.ramp.engine.activeIncidents())[0]!.id;
    const running = (await pieter.get("/chat")).text;
    expect(hint(running)).not.toContain("/ramp start");
    expect(hint(running)).toContain("/ramp status, /ramp taken, /ramp taken mijn of /ramp log");
    expect(placeholder(running)).toBe("/ramp status");
    expect((await pieter.get("/chat/feed")).headers.get("x-ramp-incident")).toBe("active");
  });

  it("opens the board with what needs attention; before the decision the tasks section says they follow it", async () => {
    const html = (await marleen.get("/")).text;
    const text = visible(html);
    const tasks = html.slice(html.indexOf('id="tasks"'), html.indexOf('id="timeline"'));
    expect(visible(tasks)).toContain("Taken Nog geen taken: die komen na de beslissing A of B.");
    expect(visible(tasks)).not.toContain("diensten");
    expect(text).toMatch(/Nu aandacht nodig Oproepen zonder antwoord \(8\)/);
    // The strip and the reader's own items come before the paging and the rest.
    const order = [
      "Nu aandacht nodig",
      "Mijn taken",
      "Oproeping crisisstaf",
      "Prioritaire diensten",
    ];
    const at = order.map((h) => html.indexOf(`>${h}</h2>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("Mijn taken U heeft geen taken opgenomen.");
  });

  it("lists tasks in the same order on the board and in /ramp taken: nearest deadline first", async () => {
    const choices = buttons((await pieter.get("/")).text, "decision.decide");
    await pieter.press(choices.find((v) => v.endsWith("|B|"))!, "/");
    const tasks = await s.ramp.engine.views.tasks(incidentId);
    // Each with its number, as on every card ("#3 Back-ups …").
    const titles = tasks.flatMap((g) => g.tasks.map((t) => `#${t.number} ${t.title}`));
    const onBoard = (await pieter.get("/")).text;
    const boardSection = onBoard.slice(onBoard.indexOf('id="tasks"'));
    const boardOrder = [...boardSection.matchAll(/<h4 id="task-\d+">([^<]+)<\/h4>/g)].map(
      (m) => m[1],
    );
    expect(boardOrder).toEqual(titles);
    const reply = await pieter.say("/ramp taken");
    const listed = reply.slice(reply.lastIndexOf("Taken — incident 2026-001"));
    const chatOrder = [...listed.matchAll(/<h4 id="task-\d+">([^<]+)<\/h4>/g)].map((m) => m[1]);
    expect(chatOrder.slice(0, titles.length)).toEqual(titles);
    for (const group of tasks) {
      const deadlines = group.tasks.map((t) => t.deadlineAt);
      expect(deadlines).toEqual([...deadlines].sort());
    }
    expect(visible(onBoard)).toMatch(/Volgende deadline: .+ — \w\w \d+ nov \d\d:\d\d — nog/);
  });

  it("shows the owner's buttons only to the owner and the leaders; others see who has it", async () => {
    const task = (await s.ramp.engine.views.tasks(incidentId))[0]!.tasks[0]!;
    const claim = `task.claim|${task.taskId}||`;
    expect(buttons((await marleen.get("/")).text, "task.claim")).toContain(claim);
    expect((await bart.press(claim, "/")).status).toBe(303);
    const ownerOnly = ["task.release", "task.complete", "task.block"].map(
      (a) => `${a}|${task.taskId}||`,
    );
    const has = (html: string, value: string) => html.includes(`value="${value}"`);

    const hers = (await marleen.get("/")).text;
    expect(ownerOnly.filter((v) => has(hers, v))).toEqual([]);
    expect(visible(hers)).toContain(
      "Bart Lannoo heeft deze taak. Enkel die persoon, de coördinator of een plaatsvervanger kan ze vrijgeven, afwerken of blokkeren.",
    );
    // Open tasks can still be claimed by anyone.
    expect(buttons(hers, "task.claim").length).toBeGreaterThan(0);
    // In the local chat too: the task card in her conversation has no buttons for his task.
    const herChat = (await marleen.get("/chat")).text;
    expect(ownerOnly.filter((v) => has(herChat, v))).toEqual([]);

    for (const reader of [bart, pieter]) {
      const page = (await reader.get("/")).text;
      expect(ownerOnly.every((v) => has(page, v))).toBe(true);
    }
    // Bart's own task is under "Mijn taken", before the paging.
    const his = (await bart.get("/")).text;
    const mine = his.slice(his.indexOf('id="mine"'), his.indexOf('id="paging"'));
    expect(visible(mine)).toContain(task.title);
    expect(mine).toContain(`value="task.complete|${task.taskId}||"`);
  });

  it("answers the script with a confirmation, or with who can act instead, to show beside the button", async () => {
    const task = (await s.ramp.engine.views.tasks(incidentId))[0]!.tasks[1]!;
    const claim = `task.claim|${task.taskId}||`;
    const won = await bart.post("/actions", { do: claim, back: "/" }, JSON_POST);
    expect(won.status).toBe(200);
    expect(JSON.parse(won.text)).toEqual({ ok: true, message: "Taak opgenomen." });

    // From the local chat, with the script: the answer goes beside the button, not to the feed.
    const lost = await marleen.post("/actions", { do: claim, back: "/chat" }, JSON_POST);
    expect(lost.status).toBe(409);
    expect(JSON.parse(lost.text)).toEqual({
      ok: false,
      inFeed: false,
      message:
        "Al opgenomen door Bart Lannoo. Overnemen kan als Bart Lannoo de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen.",
    });
    expect(visible((await marleen.get("/chat")).text)).not.toContain("Al opgenomen door");
    // Without the script, the conversation says it.
    await marleen.press(claim, "/chat");
    expect(visible((await marleen.get("/chat")).text)).toContain("Al opgenomen door Bart Lannoo.");
    // Without the script on the board: back to the card, with the answer in it, not on top.
    const back = await marleen.press(claim, "/");
    expect(back.location).toBe(`/#t-${task.taskId}`);
    const html = (await marleen.get("/")).text;
    const card = html.slice(html.indexOf(`id="t-${task.taskId}"`));
    expect(card.slice(0, card.indexOf("</article>"))).toContain(
      '<p class="inline-note refused" role="alert">Al opgenomen door Bart Lannoo.',
    );
    expect(html).not.toContain('class="flash"');
    // Shown once.
    expect(visible((await marleen.get("/")).text)).not.toContain("Al opgenomen door");
  });

  it("puts blocked tasks and passed deadlines on the strip, linked to their cards and marked in words", async () => {
    const [first] = (await s.ramp.engine.views.tasks(incidentId))[0]!.tasks;
    await bart.press(`task.block|${first!.taskId}||`, "/", {
      reason: "Geen stroom in het serverlokaal",
    });
    s.clock.advanceMinutes(24 * 60);
    const html = (await marleen.get("/")).text;
    const strip = html.slice(html.indexOf('id="attention"'), html.indexOf('id="mine"'));
    expect(visible(strip)).toMatch(
      new RegExp(
        `Geblokkeerd \\(1\\) ${first!.title} \\(Bart Lannoo\\) — Geen stroom in het serverlokaal — \\d+ u te laat`,
      ),
    );
    expect(strip).toContain(`href="#t-${first!.taskId}"`);
    expect(html).toContain(`id="t-${first!.taskId}"`);
    expect(visible(strip)).toMatch(/Deadline verstreken \(\d+\)/);
    // An overdue card says so in words, not only by its colour.
    const card = html.slice(html.indexOf(`id="t-${first!.taskId}"`));
    expect(visible(card.slice(0, card.indexOf("</article>")))).toContain("Geblokkeerd Te laat");
  });
});
