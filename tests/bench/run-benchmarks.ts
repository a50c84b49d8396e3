import { runDataGrowthBenchmark } from './data-growth-bench';
import { runEngineBenchmark } from './engine-bench';
import { runPostgresBenchmark } from './postgres-bench';
import { runScaleBenchmark } from './scale-bench';
import { runServerBenchmark } from './server-bench';

// `npm run bench`: each benchmark prints its own numbers. They run one after another so they do
// not compete for this machine's two cores. `--only=server,data-growth` runs some of them,
// `--skip=data-growth` all but some; `--help` lists them.
const benchmarks: Record<string, () => Promise<void>> = {
  engine: runEngineBenchmark,
  server: runServerBenchmark,
  scale: runScaleBenchmark,
  'data-growth': runDataGrowthBenchmark,
  postgres: runPostgresBenchmark,
  client: async () => (await import('./client-bench')).runClientBenchmark(),
};

function readList(flag: string): string[] | undefined {
  const arg = process.argv.find((value) => value.startsWith(`--${flag}=`));
  return arg?.slice(flag.length + 3).split(',');
}

const names = Object.keys(benchmarks);
if (process.argv.includes('--help')) {
  console.log(
    `npm run bench [-- --only=<names>] [-- --skip=<names>]\nBenchmarks, in order: ${names.join(', ')}`,
  );
  process.exit(0);
}
const only = readList('only');
const skip = readList('skip') ?? [];
for (const name of [...(only ?? []), ...skip]) {
  if (!names.includes(name)) {
    console.error(`No benchmark "${name}"; there are: ${names.join(', ')}`);
    process.exit(1);
  }
}
for (const [name, run] of Object.entries(benchmarks)) {
  if ((only === undefined || only.includes(name)) && !skip.includes(name)) await run();
}
