/**
 * npm run build: each service as one JavaScript file, `apps/<name>/dist/server.js`, that plain
 * `node` runs (`npm start` in the app's folder). Production runs no TypeScript loader: tsx costs
 * each process about 33 MB at rest and transforms every module at start-up.
 *
 * Our own code (the app and the @samraad/* packages it uses, generated clients included) goes
 * into the bundle; third-party packages stay in node_modules, imported as Node would import them
 * from the source file, so native and WebAssembly parts (Prisma's query compiler, the Rust query
 * planner) load from where npm put them. The bundle reads its schema, migrations and supergraph
 * from the checkout, so it runs inside the tree it was built in (or a copy of it), not alone.
 *
 *   tsx scripts/bundle.ts                 every service
 *   tsx scripts/bundle.ts gateway police  some
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "@samraad/db";
import { build, type Plugin } from "esbuild";

export const SERVICES = ["municipality", "police", "health", "boernehus", "statistics", "gateway"] as const;
export type ServiceName = (typeof SERVICES)[number];
export const isService = (name: string): name is ServiceName => (SERVICES as readonly string[]).includes(name);

export const bundlePath = (service: ServiceName) => join(REPO_ROOT, "apps", service, "dist", "server.js");

/**
 * The `node` flags the app's `npm start` runs its bundle with (its package.json), such as a
 * heap ceiling. The bench and the process tests start bundles with exactly these, so what
 * they measure and test is what production runs.
 */
export function startFlags(service: ServiceName): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "apps", service, "package.json"), "utf8")) as { scripts?: { start?: string } };
  const words = (manifest.scripts?.start ?? "").trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "dist/server.js") {
    throw new Error(
      `apps/${service}/package.json: "start" must be "node [flags] dist/server.js", not ${JSON.stringify(manifest.scripts?.start)}`,
    );
  }
  return words.slice(1, -1);
}

const OWN_PACKAGE = /^@samraad\//;
// Go regular expressions (esbuild's) have no lookahead; node: builtins are excluded below.
const BARE = /^[^./]/;

function relativeImport(fromDir: string, file: string): string {
  const path = relative(fromDir, file).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Third-party imports stay imports. Usually the bare name resolves the same from the bundle as
 * from the source file; where a package has its own nested copy (packages/observability has
 * its own @opentelemetry/core), the import points at that copy's file, so the bundle loads
 * exactly what the source did.
 */
function thirdPartyExternal(outDir: string): Plugin {
  return {
    name: "third-party-external",
    setup(b) {
      b.onResolve({ filter: BARE }, async (args) => {
        if (OWN_PACKAGE.test(args.path) || args.path.startsWith("node:") || args.pluginData === "own") return undefined;
        const options = { kind: args.kind, resolveDir: args.resolveDir, pluginData: "own" };
        const [fromSource, fromBundle] = await Promise.all([
          b.resolve(args.path, options),
          b.resolve(args.path, { ...options, resolveDir: outDir }),
        ]);
        if (fromSource.errors.length > 0) return { errors: fromSource.errors };
        if (fromSource.path === fromBundle.path) return { path: args.path, external: true };
        return { path: relativeImport(outDir, fromSource.path), external: true };
      });
    },
  };
}

/**
 * `import.meta.url` in a bundled module would name the bundle, and the paths our modules build
 * from it (schema.graphql, migrations, the supergraph, the repository root) would miss. Each
 * module keeps its own URL, relative to the bundle, so a moved checkout still works.
 */
function ownModuleUrls(outDir: string): Plugin {
  return {
    name: "own-module-urls",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta.url")) return { contents: source, loader: "ts" };
        const own = `new URL(${JSON.stringify(relativeImport(outDir, args.path))}, import.meta.url).href`;
        return { contents: source.replaceAll("import.meta.url", own), loader: "ts" };
      });
    },
  };
}

/** One entry file and the code of ours it imports, as one ES module at `outfile`. */
export async function bundle(entry: string, outfile: string): Promise<string> {
  const outDir = dirname(outfile);
  mkdirSync(outDir, { recursive: true }); // resolving "as from the bundle" needs the folder
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // With `node --enable-source-maps`, stack traces in the logs name the TypeScript source.
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
    plugins: [thirdPartyExternal(outDir), ownModuleUrls(outDir)],
  });
  return outfile;
}

export const bundleService = (service: ServiceName) => bundle(join(REPO_ROOT, "apps", service, "src", "server.ts"), bundlePath(service));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const wanted = process.argv.slice(2);
  const services = wanted.filter(isService);
  for (const name of wanted) if (!isService(name)) throw new Error(`unknown service ${name}; one of ${SERVICES.join(", ")}`);
  if (services.length === 0) services.push(...SERVICES);
  const started = performance.now();
  await Promise.all(services.map(bundleService));
  console.log(`bundled ${services.join(", ")} in ${Math.round(performance.now() - started)} ms → apps/<service>/dist/server.js`);
}
