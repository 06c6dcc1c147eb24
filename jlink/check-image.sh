#!/usr/bin/env bash
# Smoke test of the built application image, headless: the launcher must run on the image's own
# Java (no JDK on PATH, no JAVA_HOME), step CartPole exactly, and train a few rollouts with libtorch.
# Usage: jlink/check-image.sh [target-dir]     (the Maven profile `dist` runs it at `verify`)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "${1:-$here/../target}" && pwd)
# A bare environment (only HOME, where DJL caches libtorch, and a PATH of system tools) proves no
# JDK is needed. Windows (Git Bash) needs its system variables, so there only JAVA_HOME goes.
bare=(env -i HOME="$HOME" PATH=/usr/bin:/bin)
case $(uname -s) in
    Darwin) launcher=$target/dist/a2c-lab.app/Contents/MacOS/a2c-lab ;;
    MINGW*|MSYS*|CYGWIN*) launcher=$target/dist/a2c-lab/a2c-lab.exe; bare=(env -u JAVA_HOME) ;;
    *) launcher=$target/dist/a2c-lab/bin/a2c-lab ;;
esac
[ -x "$launcher" ] || { echo "check-image: no launcher at $launcher; run jlink/build-image.sh" >&2; exit 1; }

# Bounded runs where coreutils' timeout exists (macOS lacks it).
limit() { if command -v timeout >/dev/null; then timeout "$@"; else shift; "$@"; fi; }
run() { limit 300 "${bare[@]}" "$launcher" "$@"; }
fail() { echo "check-image: FAIL: $*" >&2; exit 1; }

# 1. The JVM is the image's own runtime: JAVA_TOOL_OPTIONS reaches the JVM inside any launcher,
#    and the class+path log names the runtime's module image.
modules=$(limit 60 "${bare[@]}" JAVA_TOOL_OPTIONS=-Xlog:class+path=info "$launcher" \
    simulate --state 0,0,0,0 --actions 0 2>&1 \
    | sed -n 's/.*bootstrap loader class path=//p' || true)
case $modules in
    "$target"/dist/*/lib/modules) echo "check-image: runtime ${modules%/lib/modules}" ;;
    *) fail "launcher did not run the image's runtime (boot class path '$modules')" ;;
esac

# 2. simulate: exact Gymnasium CartPole-v1 physics (same numbers as the golden tests).
expected='{"t":0,"action":1,"state":[0.0,0.19497711953185476,0.01,-0.28951110513543254],"obs":[0.0,0.19497712,0.01,-0.2895111],"reward":1.0,"terminated":false,"truncated":false}
{"t":1,"action":0,"state":[0.0038995423906370954,-2.859903441027878E-4,0.004209777897291349,0.006308866067547103],"obs":[0.0038995424,-2.8599033E-4,0.004209778,0.006308866],"reward":1.0,"terminated":false,"truncated":false}'
actual=$(run simulate --state 0,0,0.01,0 --actions 1,0 || true)
[ "$actual" = "$expected" ] || fail "simulate printed
$actual
expected
$expected"
echo "check-image: simulate OK"

# 3. train: loads libtorch from the bundled natives jar and runs 100 updates of 4 envs x 5 steps
#    (exactly 2000 env steps). The last stdout line is the JSON summary.
summary=$(run train --max-steps 2000 --envs 4 --n-steps 5 2>/dev/null | tail -n 1 || true)
case $summary in
    '{'*'"env_steps":2000,'*'}') echo "check-image: train OK: $summary" ;;
    *) fail "train summary was: $summary" ;;
esac
