// Ramp's only script, and an optional one: every page works without it (forms post and
// redirect). With it: live updates (server-sent events; the page fetches its fragments again),
// countdowns that tick, and forms sent in the background.
(() => {
  const root = document.documentElement;
  const nl = root.lang !== "en";
  // The server's clock against the browser's (a wall display's clock may be wrong); every
  // fragment brings the server's time again.
  let offset = Number(root.dataset.now || Date.now()) - Date.now();
  const now = () => Date.now() + offset;

  // --- countdowns and the "now" marker of the charts ---

  function duration(ms) {
    const total = Math.round(Math.abs(ms) / 60000);
    const d = Math.floor(total / 1440);
    const h = Math.floor((total % 1440) / 60);
    const m = total % 60;
    const parts = [];
    if (d) parts.push(`${d} d`);
    if (h) parts.push(`${h} ${nl ? "u" : "h"}`);
    if (m || parts.length === 0) parts.push(`${m} min`);
    return parts.join(" ");
  }

  function remaining(deadline) {
    const ms = deadline - now();
    const span = duration(ms);
    if (ms >= 0) return nl ? `nog ${span}` : `${span} left`;
    return nl ? `${span} te laat` : `${span} overdue`;
  }

  let clock = null;
  try {
    clock = new Intl.DateTimeFormat(nl ? "nl-BE" : "en-GB", {
      timeZone: root.dataset.tz || undefined,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  } catch {
    clock = null;
  }

  function tick() {
    if (clock) {
      for (const el of document.querySelectorAll("[data-now-label]")) {
        el.textContent = clock.format(new Date(now()));
      }
    }
    for (const el of document.querySelectorAll("time[data-countdown]")) {
      const deadline = Date.parse(el.getAttribute("datetime"));
      if (Number.isNaN(deadline)) continue;
      el.textContent = remaining(deadline);
      el.classList.toggle("overdue", deadline < now());
    }
    for (const svg of document.querySelectorAll("svg[data-start]")) {
      const start = Number(svg.dataset.start);
      const end = Number(svg.dataset.end);
      if (!(end > start)) continue;
      const x = (Math.min(Math.max(now() - start, 0), end - start) / (end - start)) * 1000;
      const marker = svg.querySelector("[data-now-marker]");
      if (marker) {
        marker.setAttribute("x1", x.toFixed(1));
        marker.setAttribute("x2", x.toFixed(1));
      }
      const bar = svg.querySelector("[data-now-bar]");
      if (bar) bar.setAttribute("width", x.toFixed(1));
    }
  }

  // --- live fragments ---

  const status = document.querySelector("[data-live-status]");
  function setStatus(on) {
    if (!status) return;
    status.dataset.state = on ? "on" : "off";
    status.textContent = on ? status.dataset.on : status.dataset.off;
  }

  /** Someone typing or choosing inside a region: do not pull the field from under them. */
  function busy(region) {
    const active = document.activeElement;
    if (!active || !region.contains(active)) return false;
    if (active.matches("input, select, textarea")) return true;
    return Boolean(active.closest("details[open]"));
  }

  let refreshing = null;
  let again = false;
  async function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        for (const region of document.querySelectorAll("[data-live]")) {
          if (busy(region)) {
            setTimeout(refresh, 3000);
            continue;
          }
          const atEnd =
            region.hasAttribute("data-scroll-end") &&
            window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
          try {
            const response = await fetch(region.dataset.live, {
              headers: { Accept: "text/html" },
              credentials: "same-origin",
              cache: "no-store",
            });
            if (response.status === 401) {
              window.location.reload();
              return;
            }
            if (!response.ok) continue;
            const serverNow = Number(response.headers.get("x-ramp-now"));
            if (serverNow > 0) offset = serverNow - Date.now();
            const markup = await response.text();
            followState(response.headers.get("x-ramp-incident"));
            // The person may have started typing while the fragment was on its way.
            if (busy(region)) {
              setTimeout(refresh, 3000);
              continue;
            }
            if (region.innerHTML !== markup) {
              const focused = focusKey(region);
              const before = seen(region);
              region.innerHTML = markup;
              refocus(region, focused);
              announceNew(region, before);
              if (atEnd && !note) scrollToEnd();
            }
            placeNote();
          } catch {
            setStatus(false);
          }
        }
        tick();
      } while (again);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /**
   * How to find the focused control again after its region was replaced (keyboard users): the
   * same button in the same section and card, else the card's first button, else the card.
   */
  function focusKey(region) {
    const active = document.activeElement;
    if (!active || active === document.body || !region.contains(active)) return null;
    if (active.id) return { control: `#${CSS.escape(active.id)}` };
    return where(active);
  }

  /** Selectors for an element inside a card: its section, its card, and itself if a button. */
  function where(element) {
    const section = element.closest("section[id]");
    const card = element.closest("[data-card]");
    const scope = `${section ? `#${CSS.escape(section.id)} ` : ""}${
      card ? `[data-card="${CSS.escape(card.dataset.card)}"]` : ""
    }`.trim();
    const control = element.matches("button[name][value]")
      ? `${scope} button[name="${CSS.escape(element.name)}"][value="${CSS.escape(element.value)}"]`.trim()
      : null;
    return {
      control,
      card: card ? scope : null,
      section: section ? `#${CSS.escape(section.id)}` : null,
    };
  }

  function refocus(region, key) {
    if (!key) return;
    const control = key.control ? region.querySelector(key.control) : null;
    if (control) return control.focus({ preventScroll: true });
    const card = key.card ? region.querySelector(key.card) : null;
    if (!card) return;
    const first = card.querySelector("button") || card.querySelector("summary, a[href], input");
    (first || card).focus({ preventScroll: true });
  }

  // --- telling screen readers what changed ---

  const politely = document.querySelector("[data-announce]");
  function announce(text) {
    if (!politely || !text) return;
    // Cleared first, so the same sentence twice is read twice.
    politely.textContent = "";
    setTimeout(() => {
      politely.textContent = text;
    }, 50);
  }

  /** What a region showed before a refresh: the timeline's newest entry, the feed's length. */
  function seen(region) {
    const entries = [...region.querySelectorAll("ol.timeline > li[value]")].map((li) =>
      Number(li.getAttribute("value")),
    );
    return {
      timeline: entries.length > 0 ? Math.max(...entries) : null,
      feed: region.querySelectorAll(":scope > li.msg").length,
    };
  }

  const said = (el) => (el.textContent || "").replace(/\s+/g, " ").trim();

  /** New timeline entries on the board, new messages in the chat: read them out (at most 3). */
  function announceNew(region, before) {
    const lines = [];
    if (before.timeline !== null) {
      for (const li of region.querySelectorAll("ol.timeline > li[value]")) {
        if (Number(li.getAttribute("value")) > before.timeline) lines.push(said(li));
      }
    }
    const messages = region.querySelectorAll(":scope > li.msg");
    if (before.feed > 0) {
      for (const li of [...messages].slice(before.feed)) lines.push(said(li).slice(0, 300));
    }
    if (lines.length > 0) announce(lines.slice(0, 3).join(". "));
  }

  // --- the chat's hint follows whether an incident runs ---

  function followState(state) {
    if (state !== "active" && state !== "none") return;
    const key = state === "active" ? "Active" : "Idle";
    for (const el of document.querySelectorAll("[data-hint-idle]")) {
      el.textContent = el.dataset[`hint${key}`];
    }
    for (const el of document.querySelectorAll("[data-example-idle]")) {
      el.placeholder = el.dataset[`example${key}`];
    }
  }

  // --- an answer next to the button that caused it ---

  /** The answer to the last click: where it belongs and until when it stays. */
  let note = null;

  function placeNote() {
    for (const old of document.querySelectorAll("[data-note]")) old.remove();
    if (!note) return;
    if (Date.now() > note.until) {
      note = null;
      return;
    }
    const anchor =
      (note.card && document.querySelector(note.card)) ||
      (note.form && document.getElementById(note.form));
    if (!anchor) return;
    const p = document.createElement("p");
    p.dataset.note = "";
    p.className = `inline-note ${note.ok ? "ok" : "refused"}`;
    p.textContent = note.text;
    const actions = anchor.querySelector(".actions");
    if (actions) actions.before(p);
    else anchor.append(p);
  }

  function scrollToEnd() {
    window.scrollTo(0, document.body.scrollHeight);
  }

  let timer = null;
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  }

  if (document.querySelector("[data-live]") && "EventSource" in window) {
    let opened = false;
    const events = new EventSource("/events");
    events.addEventListener("open", () => {
      setStatus(true);
      // Whatever happened while the stream was down.
      if (opened) soon();
      opened = true;
    });
    events.addEventListener("change", soon);
    events.addEventListener("error", () => setStatus(false));
  }
  // A safety net for a stream a proxy silently closed, and for the countdowns' minutes.
  if (document.querySelector("[data-live]")) setInterval(refresh, 60000);
  setInterval(tick, 15000);
  tick();
  if (document.querySelector("[data-scroll-end]")) scrollToEnd();

  // --- forms in the background ---

  const message = document.querySelector("[data-client-message]");
  const urgently = document.querySelector("[data-announce-urgent]");
  /** A refusal: read out at once (the note beside the button shows it). */
  function shout(text) {
    if (!urgently) return;
    urgently.textContent = "";
    setTimeout(() => {
      urgently.textContent = text;
    }, 50);
  }
  function say(text, ok) {
    if (!message) return;
    message.hidden = !text;
    message.textContent = text || "";
    message.classList.toggle("ok", Boolean(ok));
  }

  function renewNonce(form) {
    const field = form.querySelector("input[name=nonce]");
    if (!field) return;
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    field.value = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-enhance")) return;
    event.preventDefault();
    const data = new FormData(form, event.submitter || undefined);
    // Where the pressed button is: disabling it below drops its focus, and the refresh may
    // replace it (a claimed task has no Opnemen any more); focus returns to its card.
    const origin = where(event.submitter || form);
    const buttons = form.querySelectorAll("button");
    for (const b of buttons) b.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(data),
        headers: { "X-Requested-With": "fetch", Accept: "application/json" },
        credentials: "same-origin",
      });
      const result = await response.json().catch(() => ({}));
      // The server took this submit under the form's nonce; the next one is a new request.
      if (response.status !== 503) renewNonce(form);
      const ok = response.ok && result.ok;
      const text = ok
        ? result.message || ""
        : result.message || (nl ? "Dat lukte niet." : "That did not work.");
      say("");
      if (form.hasAttribute("data-command")) {
        const input = form.querySelector("input[name=text]");
        if (ok && input) input.value = "";
        // Ready for the next command as soon as this one is answered, not after the refresh
        // below: Enter in a form whose button is disabled does nothing, so a command typed right
        // away (the next step of a drill, read off the plan) was silently dropped.
        for (const b of buttons) b.disabled = false;
      }
      // The answer shows next to what was pressed, and is read out; it stays a while, through
      // the live refreshes that follow.
      const place = origin;
      note =
        text && !form.hasAttribute("data-command")
          ? {
              text,
              ok,
              card: place.card || place.section,
              form: form.id || null,
              until: Date.now() + 20000,
            }
          : null;
      if (note && !note.card && !note.form) {
        note = null;
        say(text, ok);
      }
      if (ok) announce(text);
      else if (!note) say(text);
      else shout(text);
      // A field or an open disclosure in the form would hold the refresh back: let go of it.
      // (A plain button keeps its focus; the refresh puts it back on the new button.)
      const active = document.activeElement;
      if (
        active &&
        form.contains(active) &&
        (active.matches("input, select, textarea") || active.closest("details[open]"))
      ) {
        active.blur();
      }
      await refresh();
      placeNote();
      if (form.hasAttribute("data-command")) {
        scrollToEnd();
        form.querySelector("input[name=text]")?.focus();
      }
    } catch {
      // No connection: fall back to an ordinary post (with the button that was pressed).
      if (event.submitter?.name) {
        const pressed = document.createElement("input");
        pressed.type = "hidden";
        pressed.name = event.submitter.name;
        pressed.value = event.submitter.value;
        form.append(pressed);
      }
      form.submit();
    } finally {
      for (const b of buttons) b.disabled = false;
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && !form.hasAttribute("data-command")) refocus(document, origin);
    }
  });
})();
