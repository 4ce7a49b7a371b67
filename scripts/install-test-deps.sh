#!/usr/bin/env bash
# Installs, on Debian or Ubuntu, the programs the test suite calls as independent
# implementations: oathtool (HOTP/TOTP), argon2 (backup-code hashes), pngcheck (QR PNG
# structure) and rsvg-convert from librsvg2-bin (renders the QR SVG for zxing to read back);
# the MariaDB server, which otp-jdbc's tests start themselves in a temporary folder (no
# service is started here); and Chromium with its chromedriver (/usr/bin/chromium,
# /usr/bin/chromedriver), which otp-demo's browser tests drive headless. Run as root; does
# nothing when all are already installed.
set -euo pipefail

missing=()
command -v oathtool >/dev/null || missing+=(oathtool)
command -v argon2 >/dev/null || missing+=(argon2)
command -v pngcheck >/dev/null || missing+=(pngcheck)
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
# mariadbd lives in /usr/sbin, which a non-root PATH may lack.
[[ -x /usr/sbin/mariadbd ]] || command -v mariadbd >/dev/null || missing+=(mariadb-server)
# The browser tests use these exact paths (no driver download), so check them, not PATH.
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)

if ((${#missing[@]} == 0)); then
  echo "install-test-deps: everything the tests need is installed"
  exit 0
fi
if ((EUID != 0)); then
  echo "install-test-deps: run as root to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-test-deps: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
