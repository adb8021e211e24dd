#!/bin/sh
# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
# Without root or apt the browser tests skip and say why.
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests"
    (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }) \
        || echo "warning: could not install chromium; browser tests will skip" >&2
else
    echo "warning: /usr/bin/chromium missing and cannot be installed (need root and apt-get); browser tests will skip" >&2
fi
exit 0
