#!/usr/bin/env bash
# The figures in packaging/README.md: a built bundle's size, and its start-up time to the window
# shown (offscreen; the median of 5 fresh processes, as `--self-test` reports it). With --cold
# (root on Linux) the page cache is dropped before each run, as after a reboot.
# Usage: packaging/measure.sh [--cold] [COMMAND]   (default COMMAND: dist/issue-reader/issue-reader)
set -euo pipefail
cd "$(dirname "$0")/.."
cold=0
if [ "${1:-}" = --cold ]; then cold=1; shift; fi
app=${1:-dist/issue-reader/issue-reader}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
if [ -f "$app" ] && [ -d "$(dirname "$app")/_internal" ]; then
  echo "size: $(du -sh "$(dirname "$app")" | cut -f1)"
fi
times=()
for _ in 1 2 3 4 5; do
  if ((cold)); then sync && echo 3 >/proc/sys/vm/drop_caches; fi
  line=$(env -i PATH=/usr/bin:/bin HOME="$home" XDG_CACHE_HOME="$home/cache" \
    XDG_CONFIG_HOME="$home/config" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
    "$app" --self-test sample_issues 2>/dev/null | tail -n 1)
  times+=("$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["shown_after"])' "$line")")
done
printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' '
printf '\nmedian to the window shown: %s s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
