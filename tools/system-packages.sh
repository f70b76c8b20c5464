#!/bin/sh
# Make sure Chromium (browser tests, image export, the PDF handout), poppler's pdfinfo and
# pdftotext (the handout's tests) and strace (the test that the export browsers stay offline)
# are on this machine. As root, install Debian's packages; otherwise say how in one line.
missing=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || missing="$missing chromium fonts-dejavu-core"
command -v pdfinfo >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v strace >/dev/null 2>&1 || missing="$missing strace"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's$missing (browser tests, image export, PDF and network checks)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing \
        >/dev/null && exit 0
    echo "painmap: installing$missing with apt-get failed" >&2
    exit 1
fi
echo "painmap: missing$missing: install (e.g. 'sudo apt-get install$missing') and run make test again" >&2
exit 1
