// Runs Ramp's migrator in a process of its own, as a second replica starting at the
// same moment would: `node --import tsx test/support/migrate-process.ts <url> [startAt]`.
// startAt (epoch ms) lines several such processes up: each loads its modules, then
// waits for that moment, so they really do migrate at once. Prints the applied
// migration names as JSON on stdout.
import { migrate } from "../../src/store/migrate.ts";

const [url, startAt] = process.argv.slice(2);
if (!url) {
  console.error("usage: migrate-process.ts <DATABASE_URL> [startAtEpochMs]");
  process.exit(2);
}
const wait = Number(startAt ?? 0) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
const applied = await migrate(url);
console.log(JSON.stringify(applied));
