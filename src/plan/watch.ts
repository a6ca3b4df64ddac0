// Watches the plan file while Ramp runs. An edit in place that breaks the file never reaches the
// running plan: Ramp keeps the last valid one, /healthz says what is wrong and which plan still
// runs, and the coordinator is told once per version of the file. A changed valid plan is not
// loaded while running (incidents record the plan they started under, and the adapters read
// the plan's language at start): it is reported, and used from the next start.
//
// fs.watch is fast but not dependable (editors replace the file, network file systems send
// nothing), so a periodic hash check backs it up; a burst of events is handled once (debounce).
import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PlanFileChange } from "../core/plan-file.ts";
import type { Logger } from "../logging.ts";
import { parsePlan } from "./load.ts";
import { formatProblems } from "./report.ts";
import type { Plan } from "./schema.ts";

export interface PlanHealth {
  /** False while the file on disk is invalid (Ramp still runs on `hash`). */
  ok: boolean;
  file: string;
  /** The plan in use. */
  organisation: string;
  version: string;
  hash: string;
  /** The file on disk, when it differs from the plan in use. */
  fileHash?: string;
  /** Why the file on disk cannot be used (the plan checker's text). */
  problems?: string;
  /** A valid plan on disk that is not in use yet. */
  pending?: { version: string; hash: string };
  /** One sentence for the administrator. */
  message?: string;
}

export interface PlanWatchOptions {
  file: string;
  running: { plan: Plan; hash: string };
  /** Tells the coordinator; a failure (database down) is retried at the next check. */
  onChange(change: PlanFileChange): Promise<void>;
  logger: Logger;
  intervalMs?: number;
  debounceMs?: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export class PlanWatcher {
  private watcher: FSWatcher | null = null;
  private interval: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private again = false;
  private handled: string;
  private readonly told = new Set<string>();
  private current: PlanHealth;

  constructor(private readonly options: PlanWatchOptions) {
    this.handled = options.running.hash;
    this.current = this.running();
  }

  start(): void {
    const { file } = this.options;
    // The directory, not the file: an editor that saves by renaming leaves a file watch behind.
    try {
      this.watcher = watch(path.dirname(file), (_event, name) => {
        if (name === null || name === path.basename(file)) this.schedule();
      });
      this.watcher.on("error", (error) => {
        this.options.logger.warn(
          { err: error },
          "plan file watch stopped; the periodic check goes on",
        );
        this.watcher?.close();
        this.watcher = null;
      });
      this.watcher.unref();
    } catch (error) {
      this.options.logger.warn(
        { err: error },
        "plan file cannot be watched; checking periodically",
      );
    }
    this.interval = setInterval(() => void this.check(), this.options.intervalMs ?? 10_000);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    if (this.interval) clearInterval(this.interval);
    if (this.debounce) clearTimeout(this.debounce);
    this.interval = null;
    this.debounce = null;
    await this.checking;
  }

  status(): PlanHealth {
    return this.current;
  }

  private schedule(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.check(), this.options.debounceMs ?? 300);
    this.debounce.unref();
  }

  /** Reads the file and acts on a change; overlapping calls run once more after the current one. */
  check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      try {
        do {
          this.again = false;
          await this.checkOnce();
        } while (this.again);
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const { file, running, logger } = this.options;
    let source: string;
    try {
      source = await readFile(file, "utf8");
    } catch (error) {
      // Mid-save (an editor's rename) the file is briefly gone: the next event or check sees it.
      logger.warn({ err: error, file }, "plan file cannot be read; keeping the running plan");
      return;
    }
    const fileHash = sha256(source);
    if (fileHash === this.handled && (fileHash === running.hash || this.told.has(fileHash))) return;
    this.handled = fileHash;
    if (fileHash === running.hash) {
      this.current = this.running();
      return;
    }

    const parsed = parsePlan(source);
    const locale = running.plan.organisation.locale;
    const nl = locale === "nl";
    const short = running.hash.slice(0, 12);
    let change: PlanFileChange;
    if (parsed.ok) {
      change = { kind: "changed", fileHash, version: parsed.plan.document.version };
      this.current = {
        ...this.running(),
        fileHash,
        pending: { version: parsed.plan.document.version, hash: fileHash },
        message: nl
          ? `Het planbestand is gewijzigd en geldig; Ramp gebruikt het na een herstart. Ramp draait nog op plan ${short}.`
          : `The plan file changed and is valid; Ramp uses it after a restart. Ramp still runs on plan ${short}.`,
      };
      logger.warn(
        { file, fileHash, running: running.hash },
        "plan file changed; used after a restart",
      );
    } else {
      const problems = formatProblems(parsed.problems, file, locale);
      change = { kind: "invalid", fileHash, problems };
      this.current = {
        ...this.running(),
        ok: false,
        fileHash,
        problems,
        message: nl
          ? `Het planbestand is niet geldig; Ramp draait verder op het laatste geldige plan ${short}.`
          : `The plan file is not valid; Ramp goes on with the last valid plan ${short}.`,
      };
      logger.error({ file, fileHash, problems }, "plan file is invalid; keeping the running plan");
    }
    if (this.told.has(fileHash)) return;
    try {
      await this.options.onChange(change);
      this.told.add(fileHash);
    } catch (error) {
      logger.warn({ err: error }, "could not tell the coordinator about the plan file; retrying");
    }
  }

  private running(): PlanHealth {
    const { file, running } = this.options;
    return {
      ok: true,
      file,
      organisation: running.plan.organisation.name,
      version: running.plan.document.version,
      hash: running.hash,
    };
  }
}
