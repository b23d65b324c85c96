#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages TrustFrame needs (Qt runtime libs, Pango for WeasyPrint,
# Xvfb for headless GUI runs, poppler for PDF checks). Only missing packages are installed,
# with --no-upgrade so nothing already present changes. Needs root or sudo; otherwise it lists
# what is missing and carries on (the caller decides whether that is fatal).
set -u
PACKAGES="libglib2.0-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 fonts-dejavu-core
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 poppler-utils"
# Debian's own python3 needs python3-venv for "python3 -m venv" to work.
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  PACKAGES="$PACKAGES python3-venv python3-pip"
fi
if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install Qt's runtime libraries and Pango yourself (see README)."
  exit 0
fi
missing=""
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# The PostgreSQL server runs the team-mode tests (a throwaway cluster, tests/pg_cluster.py). Only
# installed as root or with sudo; without it those tests skip (and .ci/run fails).
if ! dpkg -s postgresql >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] || command -v sudo >/dev/null 2>&1; then
    missing="$missing postgresql"
  else
    echo "system-deps: the PostgreSQL server (Debian package postgresql) is missing; the team-mode tests will skip"
  fi
fi
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "system-deps: missing packages:$missing"
  echo "system-deps: run as root (or install sudo) to install them: apt-get install$missing"
  exit 1
fi
echo "system-deps: installing$missing"
$SUDO apt-get update -qq || { echo "system-deps: apt-get update failed"; exit 1; }
# Without systemd (containers, chroots) the postgresql postinst would try to start the server it
# installs: a policy-rc.d that says "no" (exit 101) keeps it down; our own, removed afterwards.
policy=""
if [ ! -e /usr/sbin/policy-rc.d ] && [ -d /usr/sbin ] && [ "$(id -u)" = "0" ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy=/usr/sbin/policy-rc.d
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends --no-upgrade $missing
status=$?
[ -n "$policy" ] && rm -f "$policy"
exit $status
