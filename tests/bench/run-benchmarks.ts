import { runEngineBenchmark } from './engine-bench';
import { runScaleBenchmark } from './scale-bench';
import { runServerBenchmark } from './server-bench';

// `npm run bench`: each benchmark prints its own numbers. They run one after another so they do
// not compete for this machine's two cores.
const benchmarks: (() => Promise<void>)[] = [
  runEngineBenchmark,
  runServerBenchmark,
  runScaleBenchmark,
];
benchmarks.push(async () => (await import('./client-bench')).runClientBenchmark());

for (const run of benchmarks) await run();
