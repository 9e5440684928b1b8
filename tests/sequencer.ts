import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order in which the two workers take the cross-service files (issue 18: `npm test` within
 * 8 minutes on two cores).
 *
 * A browser file (or one that drives other processes: replicas, a kill under writes) spends
 * about half its time waiting, on Chromium, on a live update, on a process starting; a file
 * that only talks to an in-process stack keeps its core busy. Vitest's own order (longest or
 * largest first) put all the browser files side by side, both cores half idle for five
 * minutes, and left the busy files for the end. Here one worker is meant to take the waiting
 * files one after another while the other takes the busy ones: the queue is laid out by
 * simulating the two workers, each pulling its lane's next file when its last one should end.
 * A wrong estimate only mixes the lanes again, it never skips or repeats a file.
 *
 * Estimates come from vitest's own cache of the last run's durations where it has them (a
 * developer's machine), else from a file's length (a fresh clone, CI).
 */
const WAITING = [/^e2e\//, /^replicas\//, /^writes\/killUnderWrites\.test\.ts$/, /^writes\/gracefulShutdown\.test\.ts$/];
const PROJECT = "tests";

export default class LaneSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = sorted.findIndex((spec) => spec.project.name === PROJECT);
    if (first === -1) return sorted;
    const block = sorted.filter((spec) => spec.project.name === PROJECT);
    const rest = sorted.filter((spec) => spec.project.name !== PROJECT);
    return [...rest.slice(0, first), ...this.lanes(block), ...rest.slice(first)];
  }

  private lanes(specs: TestSpecification[]): TestSpecification[] {
    const waiting = (spec: TestSpecification) => WAITING.some((pattern) => pattern.test(relative(spec.project.config.root, spec.moduleId)));
    const estimates = new Map(specs.map((spec) => [spec, this.estimate(spec, waiting(spec))]));
    const estimate = (spec: TestSpecification) => estimates.get(spec) ?? 0;
    const longestFirst = (a: TestSpecification, b: TestSpecification) => estimate(b) - estimate(a);
    const queues: [TestSpecification[], TestSpecification[]] = [
      specs.filter(waiting).sort(longestFirst),
      specs.filter((spec) => !waiting(spec)).sort(longestFirst),
    ];
    const freeAt: [number, number] = [0, 0];
    const order: TestSpecification[] = [];
    for (;;) {
      const worker = freeAt[0] <= freeAt[1] ? 0 : 1;
      const other = worker === 0 ? 1 : 0;
      const next = queues[worker].shift() ?? queues[other].shift();
      if (!next) return order;
      order.push(next);
      freeAt[worker] += estimate(next);
    }
  }

  /** Seconds a file is expected to take, its stack's start included. */
  private estimate(spec: TestSpecification, waiting: boolean): number {
    const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
    if (cached?.duration) return cached.duration / 1000 + 2;
    const lines = readFileSync(spec.moduleId, "utf8").split("\n").length;
    if (!waiting) return 2.5 + 0.01 * lines;
    return relative(spec.project.config.root, spec.moduleId).startsWith("e2e/") ? 0.25 * lines : 0.07 * lines;
  }
}
