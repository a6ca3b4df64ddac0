// Outside local mode (Slack or Teams configured) every page needs a personal sign-in link:
// without one the board answers 401 and shows no names or numbers; links and sessions are
// signed and expire; every POST needs the session's CSRF token; the local chat does not exist.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLinkToken,
  createReviewToken,
  newSession,
  Signer,
  sessionToken,
} from "../../../src/adapters/web/auth.ts";
import { parseChatCommand } from "../../../src/core/chat/parse.ts";
import { runChatCommand } from "../../../src/core/chat/run.ts";
import { SAMPLE_PLAN_PATH } from "../../../src/plan/load.ts";
import {
  buttons,
  P,
  RAMP_SECRET,
  SLACK_ENV,
  startWebRamp,
  visible,
  type WebBrowser,
  type WebRamp,
} from "./harness.ts";

const planText = readFileSync(SAMPLE_PLAN_PATH, "utf8");
/** Every phone and mobile number in the sample plan, as written there. */
const NUMBERS = [...planText.matchAll(/^\s*(?:mobile|phone): "?([^"\n#]+?)"?\s*$/gm)].map((m) =>
  m[1]!.trim(),
);

function expectNothingPersonal(s: WebRamp, body: string): void {
  for (const person of s.ramp.plan.people) expect(body).not.toContain(person.name);
  for (const number of NUMBERS) expect(body).not.toContain(number);
  expect(body).not.toMatch(/\+32/);
  expect(body).not.toContain("Ransomware op de servers");
  expect(body).not.toContain(s.ramp.plan.meeting.primary.address);
}

describe("web: sign-in outside local mode", () => {
  let s: WebRamp;
  let incidentId: string;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-web-access-"));

  /** A browser signed in with a personal link, as `/ramp bord` hands it out. */
  async function signedIn(personId: string): Promise<WebBrowser> {
    const browser = s.browser();
    const link = s.ramp.engine.ctx.boardLink!(personId);
    const login = await browser.get(link.url.slice(s.ramp.url.length));
    expect(login.status).toBe(303);
    expect(login.location).toBe("/");
    await browser.get("/");
    return browser;
  }

  beforeAll(async () => {
    s = await startWebRamp(`file:${dir}/ramp.db`, { env: SLACK_ENV });
    const incident = await s.ramp.engine.declare(
      { personId: P.pieter, source: "web" },
      { classification: "crisis", scope: "totaal", description: "Ransomware op de servers" },
    );
    incidentId = incident.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("has no web delivery channel and no local chat", async () => {
    expect(s.ramp.engine.ctx.channels).toEqual(["slack"]);
    expect((await s.browser().get("/chat")).status).toBe(404);
    expect((await (await signedIn(P.pieter)).get("/chat")).status).toBe(404);
  });

  it.each([
    "/",
    "/incidents/INCIDENT",
    "/incidents/INCIDENT/review",
    "/incidents/INCIDENT/review.docx",
    "/incidents/INCIDENT/review.md",
    "/fragment/board",
    "/fragment/board?incident=INCIDENT",
    "/events",
  ])("answers %s with 401 and no names or numbers without a sign-in link", async (route) => {
    const reply = await s.browser().get(route.replace("INCIDENT", incidentId));
    expect(reply.status).toBe(401);
    expectNothingPersonal(s, reply.text);
    if (route === "/") {
      expect(reply.text).toContain("Aanmelden nodig");
      expect(reply.text).toContain("/ramp bord");
    }
  });

  it("answers /ramp bord with a personal link that signs in with a secure session cookie", async () => {
    const reply = await runChatCommand(
      s.ramp.engine,
      { personId: P.marleen, source: "slack" },
      parseChatCommand("bord"),
      "/ramp",
    );
    expect(reply.kind).toBe("board");
    const link = reply.personal;
    expect(link?.what).toBe("sign-in-link");
    expect(link?.text).toMatch(
      /^Uw persoonlijke link naar het crisisbord, geldig tot .+\. Stuur hem niet door/,
    );
    expect(link?.url).toMatch(new RegExp(`^${s.ramp.url}/login\\?token=[\\w.%-]+$`));

    const browser = s.browser();
    const login = await browser.get(link!.url!.slice(s.ramp.url.length));
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(
      /^ramp_session=[\w.-]+; Path=\/; Max-Age=(43[0-2]\d\d); HttpOnly; SameSite=Lax$/,
    );

    const board = await browser.get("/");
    expect(board.status).toBe(200);
    const text = visible(board.text);
    expect(text).toContain("Aangemeld als: Marleen Vandamme");
    expect(text).toContain("Incident 2026-001 — Ransomware op de servers");
    expect(text).toContain("Tijdlijn");
    // Her own page, to answer from the board when the chat platform is down.
    expect(buttons(board.text, "page.coming")).toHaveLength(1);
  });

  it("marks the session cookie Secure when the public address is https", async () => {
    const secure = await startWebRamp(`file:${dir}/secure.db`, {
      env: { ...SLACK_ENV, RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be/" },
    });
    try {
      const link = secure.ramp.engine.ctx.boardLink!(P.pieter);
      expect(link.url).toMatch(/^https:\/\/ramp\.zonnebeke-heide\.be\/login\?token=/);
      const login = await secure
        .browser()
        .get(new URL(link.url).pathname + new URL(link.url).search);
      expect(login.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await secure.close();
    }
  });

  it("opens a shared review link without signing in: the review and its documents, nothing else", async () => {
    const signer = new Signer(RAMP_SECRET);
    const { token } = createReviewToken(signer, incidentId, Date.now());
    const browser = s.browser();
    const page = await browser.get(`/reviews/${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(visible(page.text)).toContain("Post-incident review — incident 2026-001");
    expect(page.text).toContain(
      `href="/reviews/${encodeURIComponent(token)}/review.docx" download`,
    );
    const docx = await browser.get(`/reviews/${encodeURIComponent(token)}/review.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toBe(
      'attachment; filename="post-incident-review-2026-001.docx"',
    );
    const md = await browser.get(`/reviews/${encodeURIComponent(token)}/review.md`);
    expect(md.text).toMatch(/^# Post-incident review — incident 2026-001/);
    expect((await browser.get(`/reviews/${encodeURIComponent(token)}/review.exe`)).status).toBe(
      404,
    );
    // It signs no one in: the board still asks for a personal link.
    expect(browser.cookies.size).toBe(0);
    expect((await browser.get("/")).status).toBe(401);
    expect((await browser.get(`/login?token=${encodeURIComponent(token)}`)).status).toBe(401);
  });

  it("refuses an expired, a forged or a sign-in link as a review link, with 403 and no names", async () => {
    const signer = new Signer(RAMP_SECRET);
    const expired = createReviewToken(signer, incidentId, Date.now() - 31 * 86_400_000).token;
    const foreign = createReviewToken(new Signer("z".repeat(40)), incidentId, Date.now()).token;
    const unknown = createReviewToken(signer, "no-such-incident", Date.now()).token;
    const signIn = createLinkToken(signer, P.pieter, Date.now()).token;
    for (const token of [expired, foreign, unknown, signIn, "nonsense"]) {
      const reply = await s.browser().get(`/reviews/${encodeURIComponent(token)}/review.docx`);
      expect(reply.status).toBe(403);
      expect(reply.text).toContain(
        "Deze link naar de post-incident review is ongeldig of verlopen",
      );
      expectNothingPersonal(s, reply.text);
    }
  });

  it("refuses an expired, a tampered and a foreign link with 401 and no names", async () => {
    const signer = new Signer(RAMP_SECRET);
    const expired = createLinkToken(signer, P.pieter, Date.now() - 13 * 3_600_000).token;
    const valid = createLinkToken(signer, P.pieter, Date.now()).token;
    const [body, signature] = valid.split(".");
    const forgedBody = Buffer.from(
      JSON.stringify({ p: P.pieter, exp: Date.now() + 100 * 3_600_000 }),
    ).toString("base64url");
    const foreign = createLinkToken(new Signer("x".repeat(40)), P.pieter, Date.now()).token;
    const flipped = `${body}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`;
    for (const token of [expired, `${forgedBody}.${signature}`, flipped, foreign, "nonsense", ""]) {
      const browser = s.browser();
      const reply = await browser.get(`/login?token=${encodeURIComponent(token)}`);
      expect(reply.status).toBe(401);
      expect(reply.headers.getSetCookie()).toEqual([]);
      expect(reply.text).toContain("Deze link is verlopen of ongeldig.");
      expectNothingPersonal(s, reply.text);
      expect((await browser.get("/")).status).toBe(401);
    }
  });

  it("does not take a link, a forged or an expired session as a session cookie", async () => {
    const signer = new Signer(RAMP_SECRET);
    const link = createLinkToken(signer, P.pieter, Date.now()).token;
    const stale = sessionToken(signer, newSession(P.pieter, new Date(Date.now() - 1000)));
    const foreign = sessionToken(new Signer("y".repeat(40)), newSession(P.pieter));
    for (const cookie of [link, stale, foreign]) {
      const browser = s.browser();
      browser.cookies.set("ramp_session", cookie);
      const reply = await browser.get("/");
      expect(reply.status).toBe(401);
      expectNothingPersonal(s, reply.text);
    }
    // The real thing, for contrast.
    const browser = s.browser();
    browser.cookies.set("ramp_session", sessionToken(signer, newSession(P.pieter)));
    expect((await browser.get("/")).status).toBe(200);
  });

  it("refuses a POST without the CSRF token, with a wrong one or from another site (403)", async () => {
    const marleen = await signedIn(P.marleen);
    const [coming] = buttons((await marleen.get("/")).text, "page.coming");
    expect(coming).toBeDefined();
    const page = await s.ramp.engine.ctx.store.pages.get(coming!.split("|")[1]!);
    expect(page?.status).toBe("sent");

    expect((await marleen.press(coming!, "/", { csrf: "" })).status).toBe(403);
    expect(
      (await marleen.post("/actions", { do: coming!, back: "/" }, { csrf: null })).status,
    ).toBe(403);
    const pieter = await signedIn(P.pieter);
    expect((await marleen.post("/actions", { do: coming! }, { csrf: pieter.csrf })).status).toBe(
      403,
    );
    const crossSite = await marleen.post(
      "/actions",
      { do: coming! },
      { headers: { origin: "https://evil.example" } },
    );
    expect(crossSite.status).toBe(403);
    expect((await s.ramp.engine.ctx.store.pages.get(page!.id))?.status).toBe("sent");

    // With the token, from this site, it goes through.
    expect((await marleen.press(coming!, "/")).status).toBe(303);
    expect((await s.ramp.engine.ctx.store.pages.get(page!.id))?.status).toBe("coming");
  });

  it("refuses every POST without a session", async () => {
    const anonymous = s.browser();
    for (const route of ["/actions", "/links", "/logout"]) {
      expect((await anonymous.post(route, { do: "x" }, { csrf: "x" })).status).toBe(403);
    }
  });

  it("lets the coordinator make a link for someone; nobody else can", async () => {
    const pieter = await signedIn(P.pieter);
    const board = (await pieter.get("/")).text;
    expect(board).toContain('<form method="post" action="/links">');
    const made = await pieter.post("/links", { person: P.bart });
    expect(made.status).toBe(200);
    expect(visible(made.text)).toContain("Aanmeldlink: Bart Lannoo");
    const url = /id="made-link" class="link-output" readonly value="([^"]+)"/.exec(made.text)?.[1];
    expect(url).toBeDefined();
    const bart = s.browser();
    expect((await bart.get(url!.replace(s.ramp.url, "").replaceAll("&amp;", "&"))).status).toBe(
      303,
    );
    expect(visible((await bart.get("/")).text)).toContain("Aangemeld als: Bart Lannoo");

    expect((await bart.get("/")).text).not.toContain('action="/links"');
    expect((await bart.post("/links", { person: P.bart })).status).toBe(403);
  });

  it("signs out: the cookie is gone and the board asks for a link again", async () => {
    const marleen = await signedIn(P.marleen);
    const out = await marleen.post("/logout", {});
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^ramp_session=; Path=\/; Max-Age=0/);
    expect((await marleen.get("/")).status).toBe(401);
  });

  it("serves the stylesheet and the script without sign-in (they hold no data)", async () => {
    const browser = s.browser();
    const css = await browser.get("/static/ramp.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect(css.text).toContain("@media print");
    const js = await browser.get("/static/ramp.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
  });

  it("sends pages with a strict content security policy and no referrer to other sites", async () => {
    const reply = await (await signedIn(P.pieter)).get("/");
    expect(reply.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(reply.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(reply.headers.get("referrer-policy")).toBe("same-origin");
    expect(reply.headers.get("cache-control")).toBe("no-store");
  });
});
