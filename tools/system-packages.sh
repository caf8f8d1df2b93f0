#!/usr/bin/env bash
# The Debian packages that `make site`, `make serve` and `make test` need: the one list,
# read by the Makefile, .ci/run and the dev container. Add a package by adding a word.
#
#   python3-venv            the virtual environment (.venv) for the pinned Python packages
#   python3-gi gir1.2-ical-3.0   libical through Debian's Python: an independent calendar reader
#   chromium chromium-driver     headless Chromium for pages, print to PDF and axe-core
#   npm                     axe-core and the offline copy's shim
#   fonts-liberation        Arial's metrics for the årshjul PNG (the PDF ships its own fonts)
#   fonts-urw-base35 fonts-dejavu-core   the fonts an ordinary desktop has (Ghostscript and
#                           ImageMagick bring the URW ones): the tests prove the PDF ignores them
PACKAGES="python3-venv python3-gi gir1.2-ical-3.0 chromium chromium-driver npm libcairo2 libreoffice-writer-nogui libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-urw-base35 fonts-dejavu-core poppler-utils"
# The part of the list that `make site` needs (the build itself: cairo, Pango and the fonts of the PDF).
SITE_PACKAGES="python3-venv libcairo2 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation"
#
# Usage: tools/system-packages.sh [list|missing|ensure] [site|PACKAGE…]
#   list     print the list
#   missing  print the packages that are not installed
#   ensure   install the missing ones when run as root with apt-get; otherwise print the one
#            command to run and exit 1. Without apt-get (not Debian) it only says what is missing.
# PACKAGE… narrows the check to those packages; `site` to the ones `make site` needs.
set -euo pipefail

PYTHON="${PYTHON:-python3}"

installed() {
  case "$1" in
    # Debian's python3 lacks ensurepip until python3-venv is installed; other Pythons have it.
    python3-venv) "$PYTHON" -c "import ensurepip" >/dev/null 2>&1 ;;
    npm) command -v npm >/dev/null 2>&1 ;;
    *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ;;
  esac
}

mode="${1:-ensure}"
[ $# -gt 0 ] && shift
wanted="${*:-$PACKAGES}"
[ "$wanted" = site ] && wanted="$SITE_PACKAGES"

missing=""
for p in $wanted; do
  installed "$p" || missing="$missing $p"
done
missing="${missing# }"

case "$mode" in
  list) echo "$PACKAGES" ;;
  missing) [ -z "$missing" ] || echo "$missing" ;;
  ensure)
    [ -z "$missing" ] && exit 0
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "Saknas (installera med systemets pakethanterare): $missing" >&2
      exit 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
      echo "Systempaket saknas: $missing. Installera dem med det här kommandot och kör sedan igen:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
      exit 1
    fi
    echo "Installerar systempaket: $missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
    ;;
  *) echo "okänt läge '$mode': använd list, missing eller ensure" >&2; exit 2 ;;
esac
