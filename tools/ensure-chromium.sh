#!/bin/sh
# Make sure a Chromium is on this machine: the browser tests drive it, and kaleido renders
# images with it. As root, install Debian's package; otherwise say how in one line.
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium (for browser tests and image export)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        chromium fonts-dejavu-core poppler-utils >/dev/null && exit 0
    echo "painmap: installing chromium with apt-get failed" >&2
    exit 1
fi
echo "painmap: Chromium is missing: install it (e.g. 'sudo apt-get install chromium') and run make test again" >&2
exit 1
