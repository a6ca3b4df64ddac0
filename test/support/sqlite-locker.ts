// Another process that holds a SQLite file's write lock (BEGIN EXCLUSIVE), as a backup tool or
// someone in the sqlite3 shell would. A separate process on purpose: two better-sqlite3 copies in
// one process do not see each other's locks (POSIX locks are per process), and one copy would
// block the test's own event loop.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";

const HOLDER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.exec("BEGIN EXCLUSIVE");
process.stdout.write("locked\\n");
process.stdin.once("data", () => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\\n");
  process.exit(0);
});
`;

export class SqliteLocker {
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  /** Resolves once the other process holds the lock. */
  static async lock(file: string): Promise<SqliteLocker> {
    const child = spawn(process.execPath, ["-e", HOLDER, file], { cwd: process.cwd() });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const [chunk] = (await Promise.race([
      once(child.stdout, "data"),
      once(child, "exit").then(() => {
        throw new Error(`the lock holder stopped: ${stderr}`);
      }),
    ])) as [Buffer];
    if (!String(chunk).includes("locked")) throw new Error(`the lock holder said ${chunk}`);
    return new SqliteLocker(child);
  }

  /** Commits and ends the other process. */
  async release(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, "exit");
    this.child.stdin.write("release\n");
    await exited;
  }
}
