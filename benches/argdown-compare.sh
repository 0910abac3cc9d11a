#!/usr/bin/env bash
# Side by side with Argdown's CLI: the same generated debate as claimmap files and as an
# Argdown document, timed with `claimmap map --format dot` and `argdown map --format dot`.
# Argdown is installed with npm under a scratch folder (never a dependency of claimmap).
#
#   benches/argdown-compare.sh [SIZES...]      default: 1000 10000 50000
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${ARGDOWN_SCRATCH:-${TMPDIR:-/tmp}/claimmap-argdown-compare}"
mkdir -p "$scratch"
if [ ! -x "$scratch/node_modules/.bin/argdown" ]; then
  (cd "$scratch" && npm install --silent @argdown/cli >/dev/null)
fi
argdown="$scratch/node_modules/.bin/argdown"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
claimmap="$root/target/release/claimmap"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 50000)
echo "| claims | claimmap map --format dot | argdown map --format dot | ratio |"
echo "|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  dir="$scratch/debate-$n"
  rm -rf "$dir" && mkdir -p "$dir"
  # The generator writes the debate; claimmap's own exporter writes the same graph as Argdown.
  CLAIMMAP_SCALE_SIZES=$n CLAIMMAP_SCALE_KEEP="$dir" cargo bench --quiet --manifest-path "$root/Cargo.toml" --bench scale >/dev/null
  debate="$dir/$n"
  "$claimmap" export "$debate" --format argdown -q > "$dir/debate.argdown"
  t0=$(date +%s.%N)
  "$claimmap" map "$debate" --format dot --full --no-eval -q > "$dir/claimmap.dot"
  t1=$(date +%s.%N)
  (cd "$dir" && timeout 1800 "$argdown" map debate.argdown out --format dot >/dev/null 2>&1) || echo "argdown failed or timed out at $n" >&2
  t2=$(date +%s.%N)
  awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "| %d | %.2f s | %.2f s | %.1f× |\n", n, b-a, c-b, (c-b)/(b-a) }'
done
