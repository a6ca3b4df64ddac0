// The render worker's thread (started by render-pool.ts): renders one document at a time and
// answers with its bytes, or with the renderer's error. A Word file costs ~100 ms of CPU for a
// plan copy and seconds for a long review; here it does not hold up Ramp's event loop.
import { parentPort } from "node:worker_threads";
import { renderContent } from "./render-content.ts";
import type { RenderAnswer, RenderJob } from "./render-pool.ts";

if (!parentPort) throw new Error("render-worker.ts runs as a worker thread (see render-pool.ts)");
const port = parentPort;

port.on("message", async (job: RenderJob) => {
  let answer: RenderAnswer;
  try {
    answer = { id: job.id, bytes: ownBuffer(await renderContent(job.model, job.format, job.html)) };
  } catch (error) {
    const { name, message, stack } =
      error instanceof Error ? error : new Error(`renderer threw ${String(error)}`);
    answer = { id: job.id, error: { name, message, stack } };
  }
  port.postMessage(answer, "bytes" in answer ? [answer.bytes.buffer] : []);
});

/**
 * The bytes in an ArrayBuffer of their own, so it can be transferred rather than copied: a small
 * Buffer can be a slice of Node's shared pool, which must not be handed away.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes as Uint8Array<ArrayBuffer>;
  return new Uint8Array(bytes);
}
