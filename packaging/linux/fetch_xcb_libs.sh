#!/bin/sh
# Qt's xcb platform plugin needs a few X11 libraries that a bare desktop may lack (libxcb-icccm4 and
# libxcb-keysyms1 are the usual missing ones; Qt's own message names only xcb-cursor0). build.spec bundles
# them from the system, or from here: this fetches the Debian/Ubuntu packages without installing them.
set -eu
out="${1:-build/xcb-libs}"
mkdir -p "$out/debs"
cd "$out/debs"
for pkg in libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-util1 \
           libxkbcommon-x11-0 libxcb-xkb1; do
    apt-get download "$pkg" >/dev/null 2>&1 || echo "fetch_xcb_libs: could not download $pkg (bundling what the system has)"
done
for deb in *.deb; do
    [ -e "$deb" ] && dpkg-deb -x "$deb" ..
done
echo "fetch_xcb_libs: $(find .. -name 'libxcb-*.so.*' -o -name 'libxkbcommon-x11.so.*' | wc -l) libraries in $out"
