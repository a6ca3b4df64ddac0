// Documents (Word, HTML, Markdown) are rendered in a worker thread, so the main thread only posts
// the document model and receives the bytes: 50 plan copies at start are 5 s of CPU that would
// otherwise hold up every command and page on the event loop (issue 17).
//
// One worker (the machine has two cores), started on the first render and given one document at
// a time; it ends after IDLE_MS without work, so it holds no memory between crises. A worker
// that dies (out of memory, a crash) fails the renders waiting for it and the next render starts
// a new one; a renderer's error (a bad model) fails that render only.
import { type ResourceLimits, Worker, type WorkerOptions } from "node:worker_threads";
import type { DocumentModel } from "../core/review/model.ts";
import type { DocumentFormat } from "./render-content.ts";
import type { HtmlOptions } from "./render-html.ts";

/** What the main thread posts: the model must survive structured cloning (data, no functions). */
export interface RenderJob {
  id: number;
  model: DocumentModel;
  format: DocumentFormat;
  html?: HtmlOptions;
}

export type RenderAnswer =
  | { id: number; bytes: Uint8Array<ArrayBuffer> }
  | { id: number; error: { name: string; message: string; stack?: string } };

/**
 * A worker without work ends after this: its ~20 MB go back at once after a burst (the plan
 * copies at start are back to back). Starting the next costs ~0.2 s of the worker's own thread,
 * not of the event loop, so a short wait is cheap.
 */
export const IDLE_MS = 2_000;

export interface RenderPoolOptions {
  idleMs?: number;
  /** Caps the worker's heap (tests use it to crash a worker); none by default. */
  resourceLimits?: ResourceLimits;
}

interface Pending {
  job: RenderJob;
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

/** The worker died with renders waiting: they fail with this, the next render starts anew. */
export class RenderWorkerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RenderWorkerError";
  }
}

export class RenderPool {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private idle: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(private readonly options: RenderPoolOptions = {}) {}

  /** True while a worker thread is alive (rendering or waiting for work). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** The live worker's thread id, or null: tells one worker from the next. */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  render(model: DocumentModel, format: DocumentFormat, html?: HtmlOptions): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const job: RenderJob = { id: this.nextId++, model, format, ...(html ? { html } : {}) };
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  /** Ends the worker now; renders still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, new RenderWorkerError("the document renderer was closed"));
    await worker.terminate();
  }

  private next(): void {
    if (this.current) return;
    const pending = this.queue.shift();
    if (!pending) {
      this.worker?.unref();
      this.armIdleTimer();
      return;
    }
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker ?? this.start();
    // Waiting for a render keeps the process alive (e.g. the CLI); an idle worker does not.
    worker.ref();
    this.current = pending;
    try {
      worker.postMessage(pending.job);
    } catch (error) {
      // Not clonable (a function or class instance in the model): this render's error alone.
      this.current = null;
      pending.reject(
        new Error(`the document model cannot be sent to the render worker: ${String(error)}`),
      );
      this.next();
    }
  }

  private start(): Worker {
    const { file, options } = workerEntry();
    const worker = new Worker(file, {
      ...options,
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    worker.on("message", (answer: RenderAnswer) => this.answered(answer));
    worker.on("error", (error) =>
      this.stopped(
        worker,
        new RenderWorkerError(`the document renderer failed: ${error.message}`, { cause: error }),
      ),
    );
    worker.on("exit", (code) =>
      this.stopped(
        worker,
        new RenderWorkerError(`the document renderer stopped (exit code ${code})`),
      ),
    );
    this.worker = worker;
    return worker;
  }

  private answered(answer: RenderAnswer): void {
    const pending = this.current;
    if (!pending || pending.job.id !== answer.id) return;
    this.current = null;
    if ("bytes" in answer) {
      pending.resolve(
        Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength),
      );
    } else {
      const error = new Error(
        `could not render the ${pending.job.format} document: ${answer.error.message}`,
      );
      error.stack = `${error.name}: ${error.message}\n(in the render worker) ${answer.error.stack ?? ""}`;
      pending.reject(error);
    }
    this.next();
  }

  /** The worker is gone (once per worker: its error and its exit both land here). */
  private stopped(worker: Worker, error: RenderWorkerError): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const failed = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = null;
    for (const pending of failed) pending.reject(error);
  }

  private armIdleTimer(): void {
    if (!this.worker || this.idle) return;
    const worker = this.worker;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.worker !== worker || this.current || this.queue.length > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.options.idleMs ?? IDLE_MS);
    this.idle.unref();
  }
}

/**
 * The worker's file next to this one: compiled JavaScript in the build (`npm run start:prod`),
 * the TypeScript source under tsx and vitest. On Node 20 tsx's `--import` hooks skip worker
 * threads, so there the thread registers tsx's loader itself before importing its source.
 * No inherited Node options (`execArgv: []`): the process's may not apply to a thread (e.g.
 * `--input-type`, which stops it); V8's flags (start:prod's) are the process's anyway.
 */
function workerEntry(): { file: string | URL; options: WorkerOptions } {
  if (!import.meta.url.endsWith(".ts"))
    return { file: new URL("./render-worker.js", import.meta.url), options: { execArgv: [] } };
  const tsx = import.meta.resolve("tsx/esm/api");
  const source = new URL("./render-worker.ts", import.meta.url).href;
  return {
    file: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    options: { eval: true, execArgv: [] },
  };
}

/** The process's one render worker (see above). */
export const documentRenderer = new RenderPool();
