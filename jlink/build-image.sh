#!/usr/bin/env bash
# Builds the self-contained A2C Lab application image from what `mvn package` left in target/:
#   target/runtime        jlink runtime: the JDK modules + JavaFX modules listed in modules.txt
#   target/dist/a2c-lab   jpackage app-image: launcher bin/a2c-lab (Linux), a2c-lab.exe (Windows)
#                         or a2c-lab.app (macOS), the app jar and every non-JavaFX jar (DJL, libtorch
#                         natives) on the class path, and the JVM options of jvm-options.txt.
# DJL's jars are automatic modules and pytorch-native-cpu has no legal module name, so only the
# JDK and JavaFX are linked; the application itself runs from the class path.
#
# Usage: jlink/build-image.sh [target-dir]     (the Maven profile `dist` runs it after `package`)
# Needs jlink and jpackage of a JDK >= 17: $JAVA_HOME/bin first, then PATH.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "${1:-$here/../target}" && pwd)
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
dist=$target/dist
work=$target/dist-work

[ -f "$target/a2c-lab.jar" ] && [ -d "$target/lib" ] \
    || { echo "build-image: run './mvnw package' first ($target/a2c-lab.jar, $target/lib)" >&2; exit 1; }

# Lists without blank lines and '#' comments.
strip() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"; }

rm -rf "$dist" "$work" "$target/runtime"
mkdir -p "$dist" "$work/javafx" "$work/app/lib"

# JavaFX: the platform jars (javafx-*-<classifier>.jar) are the real modules; the classifier-less
# javafx-*.jar are empty placeholders. Staging them in one folder keeps --module-path free of
# path separators (':' here, ';' on Windows).
for jar in "$target"/lib/javafx-*.jar; do
    case $(basename "$jar") in
        javafx-*-[0-9]*.[0-9]*-*.jar) cp "$jar" "$work/javafx/" ;;
    esac
done
ls "$work"/javafx/*.jar >/dev/null 2>&1 || { echo "build-image: no JavaFX platform jars in $target/lib" >&2; exit 1; }

# Class path: the app jar plus every non-JavaFX dependency (JavaFX comes from the runtime's
# modules; a second copy on the class path would be shadowed anyway). lib/ matches the jar
# manifest's Class-Path, so `java -jar` inside the image would work too.
cp "$target/a2c-lab.jar" "$work/app/"
for jar in "$target"/lib/*.jar; do
    case $(basename "$jar") in javafx-*) ;; *) cp "$jar" "$work/app/lib/" ;; esac
done

# --generate-cds-archive: a class-data-sharing archive for this module set (the JDK's own archive
# does not apply to a linked image); it costs ~22 MB and makes every launch faster.
# --compress=2 (zip) offsets most of that. The JDK's jmods come from its default module path.
modules=$(strip "$here/modules.txt" | paste -sd, -)
"${bin}jlink" \
    --module-path "$work/javafx" \
    --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive \
    --output "$target/runtime"

# jpackage puts every jar under --input on the launcher's class path. No --app-version: on macOS
# the first number must be >= 1, and the app reports its own version (build.properties).
java_options=()
while IFS= read -r opt; do java_options+=(--java-options "$opt"); done < <(strip "$here/jvm-options.txt")
"${bin}jpackage" \
    --type app-image \
    --name a2c-lab \
    --dest "$dist" \
    --runtime-image "$target/runtime" \
    --input "$work/app" \
    --main-jar a2c-lab.jar \
    --main-class org.a2clab.Launcher \
    "${java_options[@]}"

rm -rf "$work"
echo "build-image: runtime $(du -sh "$target/runtime" | cut -f1), image $(du -sh "$dist"/a2c-lab* | cut -f1) in $(ls -d "$dist"/a2c-lab*)"
