import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/**
 * A dependency we patch (patches/README.md), as the gateway loads it: its installed version,
 * whether a patch for exactly that version is checked in, and the text of its built files.
 */
export function installedPatchTarget(name: string) {
  const packageDir = join(dirname(fileURLToPath(import.meta.resolve(name))), "..");
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  return {
    version,
    hasPatch: existsSync(join(REPO_ROOT, "patches", `${name.replace("/", "+")}+${version}.patch`)),
    dist: (file: string) => readFileSync(join(packageDir, "dist", file), "utf8"),
  };
}
