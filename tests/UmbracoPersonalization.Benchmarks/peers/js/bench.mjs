// Times GrowthBook's JavaScript SDK on the shared peer cases and prints one JSON document on stdout.
//
//   node bench.mjs [--cases PATH] [--samples N] [--sample-ms MS] [--warmup N] [--smoke]
//
// The cases are read at run time from ../shared/bench/peer-cases.json beside the repository root (or PEER_CASES,
// or --cases). Each case is timed like a BenchmarkDotNet iteration: a pilot picks how many operations make one
// sample of about --sample-ms, --warmup samples are thrown away (V8 optimises during them), then --samples samples
// are timed with process.hrtime.bigint(). Mean, p50, p95 and p99 are over the per-sample means (nanoseconds per
// operation), the same statistic BenchmarkDotNet's percentile columns report.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { GrowthBook, evalCondition } from "@growthbook/growthbook";

const here = dirname(fileURLToPath(import.meta.url));
const sdkVersion = createRequire(import.meta.url)("@growthbook/growthbook/package.json").version;

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

function findCases() {
  const explicit = option("--cases", process.env.PEER_CASES);
  if (explicit) return resolve(explicit);
  // Bounded walk up to the repository root (the folder holding the solution file).
  let directory = here;
  for (let depth = 0; depth < 12; depth++) {
    if (existsSync(join(directory, "UmbracoPersonalization.sln"))) {
      return resolve(directory, "..", "shared", "bench", "peer-cases.json");
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error("peer-cases.json not found: pass --cases PATH or set PEER_CASES");
}

const smoke = process.argv.includes("--smoke");
const samples = smoke ? 1 : Number(option("--samples", "30"));
const warmupSamples = smoke ? 0 : Number(option("--warmup", "10"));
const sampleNs = BigInt(Math.round(Number(option("--sample-ms", "100")) * 1e6));

const casesPath = findCases();
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const attributes = cases.attributes;
const conditions = cases.conditions;

// One GrowthBook instance per visitor, as a server would create per request; run() is what is timed.
const gb = new GrowthBook({ attributes });
const experiment = { ...cases.experiment };
const expectedVariation = gb.run(experiment);

const benchmarks = [
  { name: "condition-simple", run: () => evalCondition(attributes, conditions.simple) },
  { name: "condition-three", run: () => evalCondition(attributes, conditions.three) },
  { name: "condition-twenty", run: () => evalCondition(attributes, conditions.twenty) },
  { name: "experiment-assignment", run: () => gb.run(experiment).variationId },
];

for (const name of ["simple", "three", "twenty"]) {
  if (evalCondition(attributes, conditions[name]) !== true) {
    throw new Error(`GrowthBook JS does not match condition '${name}' against the peer attributes`);
  }
}

let sink = 0;

function timeBatch(run, operations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < operations; i++) {
    if (run()) sink++;
  }
  return process.hrtime.bigint() - start;
}

function percentile(sorted, p) {
  // Linear interpolation between closest ranks (as BenchmarkDotNet's PercentileValues).
  if (sorted.length === 1) return sorted[0];
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function measure(benchmark) {
  // Pilot: double the batch until one batch takes at least the sample time (bounded at 2^30 operations).
  let operations = 1;
  if (!smoke) {
    while (operations < 1 << 30 && timeBatch(benchmark.run, operations) < sampleNs) operations *= 2;
  }
  for (let i = 0; i < warmupSamples; i++) timeBatch(benchmark.run, operations);
  const perOperation = [];
  for (let i = 0; i < samples; i++) {
    perOperation.push(Number(timeBatch(benchmark.run, operations)) / operations);
  }
  const sorted = [...perOperation].sort((a, b) => a - b);
  const mean = perOperation.reduce((sum, value) => sum + value, 0) / perOperation.length;
  return {
    name: benchmark.name,
    meanNs: mean,
    p50Ns: percentile(sorted, 50),
    p95Ns: percentile(sorted, 95),
    p99Ns: percentile(sorted, 99),
    samples,
    operationsPerSample: operations,
  };
}

const results = benchmarks.map(measure);
process.stdout.write(
  JSON.stringify(
    {
      sdk: `@growthbook/growthbook ${sdkVersion}`,
      runtime: `node ${process.version}`,
      cases: casesPath,
      experimentVariation: expectedVariation.variationId,
      inExperiment: expectedVariation.inExperiment,
      results,
      sink,
    },
    null,
    2,
  ) + "\n",
);
