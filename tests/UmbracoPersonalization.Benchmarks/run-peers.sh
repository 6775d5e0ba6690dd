#!/usr/bin/env bash
# Runs our benchmarks on the shared peer cases next to GrowthBook's JavaScript SDK (Node) and
# Microsoft.FeatureManagement's targeting filter, then prints ours/theirs per case.
#   bash tests/UmbracoPersonalization.Benchmarks/run-peers.sh              # full BenchmarkDotNet jobs (quiet machine)
#   bash tests/UmbracoPersonalization.Benchmarks/run-peers.sh --job short  # quicker, noisier
# Needs node + npm (the harness's locked packages are installed with `npm ci` on first use).
# Results: the table on stdout, and BenchmarkDotNet.Artifacts/results/peers.md + peers.json in the repository root.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v node >/dev/null 2>&1 || { echo "node is required for the GrowthBook JS peer" >&2; exit 1; }
dotnet run -c Release --project tests/UmbracoPersonalization.Benchmarks -- --peers "$@"
