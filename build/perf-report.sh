#!/usr/bin/env bash
# Regenerates docs/performance.md from a benchmark results file (default: the last run's,
# tests/KipuHub.Benchmarks/results/latest.json). It measures nothing: run the benchmarks first with
#   dotnet run -c Release --project tests/KipuHub.Benchmarks -- --short   (or --full)
set -euo pipefail
cd "$(dirname "$0")/.."
results="${1:-tests/KipuHub.Benchmarks/results/latest.json}"
exec dotnet run -c Release --project tests/KipuHub.Benchmarks -- --report --results "$results"
