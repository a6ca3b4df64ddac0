// The plan file as proposed amendments see it: read the live file, write the patched copy in a
// folder beside it (plans/mijn-plan.amendments/), never over it. The copy's name holds a hash of
// its content, so two replicas writing the same proposal write one file.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { PlanFileAccess } from "../core/context.ts";

export function amendmentsDir(planFile: string): string {
  const ext = extname(planFile);
  return join(dirname(planFile), `${basename(planFile, ext)}.amendments`);
}

export function planFileAccess(planFile: string): PlanFileAccess {
  return {
    path: planFile,
    read: () => readFile(planFile, "utf8"),
    async writeAmended(text) {
      const dir = amendmentsDir(planFile);
      await mkdir(dir, { recursive: true });
      const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
      const target = join(
        dir,
        `${basename(planFile, extname(planFile))}-${hash}${extname(planFile) || ".yaml"}`,
      );
      // Written whole, then renamed: a reader never sees half a file.
      const partial = `${target}.${process.pid}.tmp`;
      await writeFile(partial, text, "utf8");
      await rename(partial, target);
      return target;
    },
  };
}
