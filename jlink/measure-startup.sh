#!/usr/bin/env bash
# Measures the built Linux image's start-up: time to the first output of `simulate`, and time from
# launch until the "A2C Lab" window is mapped (first frame). Uses the current DISPLAY, or starts
# Xvfb when there is none (apt-get install xvfb x11-utils).
# Usage: jlink/measure-startup.sh [target-dir] [fresh]
#   fresh: run with an empty home directory, as a first launch does (JavaFX unpacks its natives
#          into ~/.openjfx, DJL libtorch into ~/.djl.ai, on first use).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "${1:-$here/../target}" && pwd)
launcher=$target/dist/a2c-lab/bin/a2c-lab
# Java takes user.home from the password database, not $HOME, so a fresh home goes in as a property.
jvm_env=()
if [ "${2:-}" = fresh ]; then
    home=$(mktemp -d)
    jvm_env=(JAVA_TOOL_OPTIONS=-Duser.home="$home")
    trap 'rm -rf "$home"' EXIT
fi

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

t0=$(now)
env -i "${jvm_env[@]}" PATH=/usr/bin:/bin "$launcher" simulate --state 0,0,0.01,0 --actions 1 | head -c 1 >/dev/null
echo "simulate first output: $(ms "$t0" "$(now)") ms"

xvfb=
if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:77
    Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    until xwininfo -root >/dev/null 2>&1; do sleep 0.05; done
fi

t0=$(now)
env -i "${jvm_env[@]}" PATH=/usr/bin:/bin DISPLAY="$DISPLAY" "$launcher" >/dev/null 2>&1 &
app=$!
# the title starts with "A2C Lab" (it goes on with a subtitle)
viewable() {
    local id
    id=$(xwininfo -root -tree 2>/dev/null | awk '/"A2C Lab/ {print $1; exit}')
    [ -n "$id" ] && xwininfo -id "$id" 2>/dev/null | grep -q IsViewable
}
until viewable; do
    kill -0 "$app" 2>/dev/null || { echo "app exited before showing a window" >&2; exit 1; }
    sleep 0.02
done
echo "GUI first frame (window \"A2C Lab\" mapped): $(ms "$t0" "$(now)") ms"

kill "$app"; wait "$app" 2>/dev/null || true
if [ -n "$xvfb" ]; then kill "$xvfb"; fi
