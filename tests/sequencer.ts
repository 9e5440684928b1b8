import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order in which the two workers take the test files (issue 18: `npm test` within 8
 * minutes on two cores).
 *
 * A browser file (or one that drives other processes: replicas, a kill under writes) spends
 * about half its time waiting, on Chromium, on a live update, on a process starting; a file
 * that only talks to an in-process stack, and a package's own test, keeps its core busy.
 * Vitest's own order (project by project, longest or largest first) put all the browser files
 * side by side, both cores half idle for five minutes, and left the busy files for the end.
 * Here one worker is meant to take the waiting files one after another from the start while
 * the other takes the busy ones: the cross-service files first, then the packages' (one
 * change of project, so one new worker process). The queue is laid out by simulating the two
 * workers, each pulling its lane's next file when its last one should end. A wrong estimate
 * only mixes the lanes again (and may cost a worker process more), it never skips or repeats
 * a file.
 *
 * Estimates come from vitest's own cache of the last run's durations where it has them (a
 * developer's machine), else from a file's length (a fresh clone, CI).
 */
const WAITING = [/^e2e\//, /^replicas\//, /^writes\/killUnderWrites\.test\.ts$/, /^writes\/gracefulShutdown\.test\.ts$/];
/** The project of the cross-service tests (tests/vitest.config.ts); the waiting files are among them. */
const CROSS_SERVICE = "tests";

export default class LaneSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const path = (spec: TestSpecification) => relative(spec.project.config.root, spec.moduleId);
    const waiting = (spec: TestSpecification) => spec.project.name === CROSS_SERVICE && WAITING.some((pattern) => pattern.test(path(spec)));
    const crossService = (spec: TestSpecification) => spec.project.name === CROSS_SERVICE;
    const estimates = new Map(sorted.map((spec) => [spec, this.estimate(spec, waiting(spec))]));
    const estimate = (spec: TestSpecification) => estimates.get(spec) ?? 0;
    const longestFirst = (a: TestSpecification, b: TestSpecification) => estimate(b) - estimate(a);
    const busy = sorted.filter((spec) => !waiting(spec));
    const queues: [TestSpecification[], TestSpecification[]] = [
      sorted.filter(waiting).sort(longestFirst),
      // The cross-service files, then the other projects' files in vitest's order: one change of project.
      [...busy.filter(crossService).sort(longestFirst), ...busy.filter((spec) => !crossService(spec))],
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

  /** Seconds a file is expected to take, its set-up included. */
  private estimate(spec: TestSpecification, waiting: boolean): number {
    const crossService = spec.project.name === CROSS_SERVICE;
    const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
    // The cache leaves set-up out: a stack's start for a cross-service file, a browser's too when it waits.
    if (cached?.duration) return cached.duration / 1000 + (waiting ? 8 : crossService ? 2 : 0.3);
    const lines = readFileSync(spec.moduleId, "utf8").split("\n").length;
    if (!crossService) return 0.3 + 0.005 * lines;
    if (!waiting) return 2.5 + 0.01 * lines;
    return relative(spec.project.config.root, spec.moduleId).startsWith("e2e/") ? 0.25 * lines : 0.07 * lines;
  }
}
