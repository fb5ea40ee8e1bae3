#!/usr/bin/env bash
# Measures the write phase (publish) on the 2 × N report corpus of ../shared/bench/gen_corpus.py
# (layout amo): a full build into a new folder, a no-change rebuild, the first one-report edit
# (which creates the twin tree), then RUNS steady one-report edits and a no-change rebuild; on
# disk (target/bench-publish) and on tmpfs (/dev/shm/amo-bench-publish). Prints amo-site's own
# "wrote …; write phase … ms" line for each. A measurement, not a test.
#   bash benches/publish_corpus.sh [N]       (default 5000; needs target/release/amo-site)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"
runs="${RUNS:-3}"
amo="${AMO:-target/release/amo-site}"
gen="${GEN:-../shared/bench/gen_corpus.py}"
[ -x "$amo" ] || { echo "build it first: cargo build --release" >&2; exit 1; }

for where in disk:target/bench-publish tmpfs:/dev/shm/amo-bench-publish; do
  label="${where%%:*}"
  base="${where#*:}"
  rm -rf "$base"
  mkdir -p "$base"
  python3 "$gen" "$n" "$base/corpus" --layout amo --amo-src . >/dev/null
  site="$base/corpus/amo"
  out="$base/public"
  report="$(ls "$site"/content/reports/*-page-1.fr.md | head -n 1)"
  step() {
    line="$("$amo" build --root "$site" --out "$out" | grep '^wrote')"
    printf '%-8s %-34s %s\n' "$label" "$1" "$line"
  }
  edit() { printf '\nUne phrase ajoutée pour la mesure %s.\n' "$1" >> "$report"; }
  echo "== $base ($(df -T "$base" | awk 'NR==2 {print $2}'), $(nproc) cores)"
  step "full build"
  step "no-change rebuild"
  edit 0
  step "first edit (creates the twin)"
  for i in $(seq 1 "$runs"); do
    edit "$i"
    step "one-report edit $i"
  done
  step "no-change rebuild"
  rm -rf "$base"
done
