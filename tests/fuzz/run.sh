#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset) and runs each for SECONDS
# (default 60) on its corpus in tests/fuzz/corpus-NAME/ (git-ignored; kept
# between runs), seeded from data/ and tests/data/. Exits non-zero if any
# target finds a crash; the input is saved as build/fuzz/crash-NAME-*.
#   bash tests/fuzz/run.sh 3600          # an hour per target
#   JOBS=2 bash tests/fuzz/run.sh 600    # two processes per target
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=${JOBS:-1}

cmake --preset fuzz >/dev/null && cmake --build --preset fuzz || exit 2

# Seeds: the import target reads its first byte as the importer to use.
seeds=build/fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/bundle "$seeds"/query "$seeds"/import "$seeds"/pack "$seeds"/api
cp data/most-viewed-2022.json "$seeds"/bundle/
for f in tests/data/bad/*.json; do
  [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$seeds"/bundle/
done
i=0
while IFS= read -r q; do
  printf '\x10\x00\x00\x64%s' "$q" > "$seeds/query/q$i"; i=$((i + 1))
  printf '\x33\x09\x8c\x02%s' "$q" > "$seeds/query/r$i"
done < tests/fuzz/query-seeds.txt
# 0/1: page text without/with facts, 2/3: CSV publications/jobs, 4: BibTeX
{ printf '\x00'; head -c 6000 data/source/most-viewed-2022.txt; } > "$seeds"/import/page
{ printf '\x01'; head -c 6000 data/source/most-viewed-2022.txt; } > "$seeds"/import/page-facts
for f in tests/data/import/*.csv; do
  { printf '\x02'; cat "$f"; } > "$seeds/import/pub-$(basename "$f")"
  { printf '\x03'; cat "$f"; } > "$seeds/import/job-$(basename "$f")"
done
for f in tests/data/import/*.bib; do { printf '\x04'; cat "$f"; } > "$seeds/import/$(basename "$f")"; done
# Saved API answers: 0 Crossref, 1 OpenAlex, 2 arXiv, 3 DBLP, 4/5 ORCID summary/details, 6 Greenhouse, 7 Lever, 8 Ashby, 9 markup.
api_seed() { { printf "\\x$1"; head -c 8000 "tests/data/api/$2"; } > "$seeds/api/$2"; }
api_seed 00 crossref-work.json; api_seed 00 crossref-works-page1.json; api_seed 01 openalex-works-page1.json
api_seed 02 arxiv-query.atom; api_seed 03 dblp-person.xml; api_seed 04 orcid-works.json; api_seed 05 orcid-works-bulk.json
api_seed 06 greenhouse-jobs.json; api_seed 07 lever-postings.json; api_seed 08 ashby-jobs.json
{ printf '\x09'; printf '%s' '<h2>About</h2><p>a &amp; b<br><b>x</b></p><ul><li>one</li></ul> <jats:p>$\\alpha$</jats:p>'; } > "$seeds/api/markup"
# Packs of the default bundle and of a two-entry one, with the header left as
# it is (\x00) or repaired after each change (\x01); see fuzz_pack.cpp.
[ -x build/native/pubview ] || { cmake --preset native >/dev/null && cmake --build --preset native --target pubview; } || exit 2
printf '%s' '{"pubview":1,"title":"t","publications":[{"id":"a","title":"Data models","authors":["Ann Lee"],"year":2022,"venue":"KDD","abstract":"Large language models."}],"jobs":[{"id":"b","title":"Scientist","location":{"city":"Seattle","country":"US"},"team":"AWS","description":"Data."}]}' > "$seeds"/two.json
for bundle in data/most-viewed-2022.json "$seeds"/two.json; do
  name=$(basename "$bundle" .json)
  build/native/pubview pack "$bundle" -o "$seeds/$name.pvpack" 2>/dev/null || exit 2
  { printf '\x00'; cat "$seeds/$name.pvpack"; } > "$seeds/pack/$name"
  { printf '\x01'; cat "$seeds/$name.pvpack"; } > "$seeds/pack/$name-repaired"
done

status=0
for name in bundle query import pack api; do
  corpus=tests/fuzz/corpus-$name
  mkdir -p "$corpus"
  extra=()
  # -jobs runs fuzzers in child processes that log to fuzz-N.log files.
  [ "$jobs" -gt 1 ] && extra=(-jobs="$jobs" -workers="$jobs")
  [ $name = bundle ] && extra+=(-dict=tests/fuzz/json.dict -max_len=8192)
  [ $name = import ] && extra+=(-max_len=8192)
  [ $name = api ] && extra+=(-dict=tests/fuzz/json.dict -max_len=8192)
  [ $name = pack ] && extra+=(-max_len=131072)
  echo "=== fuzz_$name for ${seconds} s"
  # Inputs that once failed (tests/fuzz/regressions/NAME/) are seeds too.
  [ -d tests/fuzz/regressions/$name ] && cp tests/fuzz/regressions/$name/* "$seeds/$name/"
  if ! build/fuzz/fuzz_$name "$corpus" "$seeds/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix=build/fuzz/crash-$name- "${extra[@]}" 2>&1 |
      tee build/fuzz/fuzz_$name.log | grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|fuzz check)'; then
    :
  fi
  if grep -qE '==[0-9]+==ERROR|fuzz check failed|deadly signal|Test unit written' build/fuzz/fuzz_$name.log; then
    echo "=== fuzz_$name: FOUND A PROBLEM (build/fuzz/fuzz_$name.log)"
    status=1
  fi
done
exit $status
