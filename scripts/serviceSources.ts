import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const NOT_SOURCE = new Set(["node_modules", "generated", "dist"]);

/**
 * The TypeScript files of every app's and package's src/ (generated code, builds and
 * dependencies left out): what the source checks of `npm run lint` read (lintClock.ts,
 * lintEnv.ts). `skip` leaves folders of those names out too, at any depth.
 */
export function serviceSourceFiles(root: string, skip: readonly string[] = []): string[] {
  const passedOver = new Set([...NOT_SOURCE, ...skip]);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!passedOver.has(name)) walk(path);
      } else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) files.push(path);
    }
  };
  for (const group of ["apps", "packages"]) {
    for (const name of readdirSync(join(root, group))) {
      if (passedOver.has(name)) continue;
      const src = join(root, group, name, "src");
      if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) walk(src);
    }
  }
  return files;
}
