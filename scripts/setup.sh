#!/usr/bin/env bash
# Installs what Sumi needs on a fresh Debian machine: Debian packages for the
# end-to-end tests and the redaction checker, then the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/jpn.traineddata ] || need+=(tesseract-ocr-jpn)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
