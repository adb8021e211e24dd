#!/bin/sh
# axe-core, the accessibility checker the browser tests inject into each page, fetched from
# the npm registry at a pinned version into a git-ignored folder (tests only; the site never
# serves it). `npm pack` checks the tarball against the registry's integrity hash.
set -eu
VERSION=4.14.1
DEST="$(dirname "$0")/../.cache/axe-core"
if [ -f "$DEST/$VERSION/axe.min.js" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's npm to fetch axe-core"
    apt-get install -y -q npm >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q npm >/dev/null; }
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "install-axe: npm is needed to fetch axe-core $VERSION (apt-get install npm)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$VERSION" >/dev/null && tar -xzf "axe-core-$VERSION.tgz")
mkdir -p "$DEST/$VERSION"
cp "$work/package/axe.min.js" "$work/package/LICENSE" "$DEST/$VERSION/"
echo "axe-core $VERSION in $DEST/$VERSION"
