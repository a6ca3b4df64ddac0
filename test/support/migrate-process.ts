// Runs Ramp's migrator in a process of its own, as a second replica starting at the
// same moment would: `node --import tsx test/support/migrate-process.ts <url>`.
// Prints the applied migration names as JSON on stdout.
import { migrate } from "../../src/store/migrate.ts";

const url = process.argv[2];
if (!url) {
  console.error("usage: migrate-process.ts <DATABASE_URL>");
  process.exit(2);
}
const applied = await migrate(url);
console.log(JSON.stringify(applied));
