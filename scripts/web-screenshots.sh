#!/usr/bin/env bash
# Takes the README's screenshots of the console and the portal: runs the browser test that tours a
# busy deployment (ConsoleBrowserTest, headless Debian Chromium at 1200x800 CSS pixels), then copies
# the screens it saved into docs/screenshots/, made smaller with pngquant when it is installed.
#
#   scripts/web-screenshots.sh
#
# Needs Java 17+, Maven 3.8+, /usr/bin/chromium and /usr/bin/chromedriver.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shots="$root/bootstrap/target/screenshots/console-tour"
into="$root/docs/screenshots"

cd "$root"
mvn -B -ntp -q verify -pl bootstrap -am \
  -Dtest='ConsoleBrowserTest#*Tour*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -DskipITs -Dspotless.check.skip=true

mkdir -p "$into"
for shot in "$shots"/*.png; do
  # 03-console-audit.png -> console-audit.png
  name="$(basename "$shot" | sed 's/^[0-9]*-//')"
  if command -v pngquant >/dev/null; then
    pngquant --force --quality=70-95 --strip --output "$into/$name" -- "$shot"
  else
    cp "$shot" "$into/$name"
  fi
  echo "$into/$name ($(stat -c %s "$into/$name") bytes)"
done
