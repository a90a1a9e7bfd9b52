#!/bin/sh
# Links the widget (the command is "$@") and fails if the Asyncify list
# (src/platform/asyncify-add.json) names a function the wasm no longer has:
# em++ only warns, and a renamed function would silently stop being able to
# pause, which breaks loading in slices at run time, not at build time.
log=$(mktemp)
"$@" 2>"$log"
status=$?
cat "$log" >&2
if grep -q "non-matching pattern" "$log"; then
  echo "error: src/platform/asyncify-add.json names functions the widget no longer has (above); update the list" >&2
  status=1
fi
rm -f "$log"
exit $status
