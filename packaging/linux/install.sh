#!/usr/bin/env sh
# Register the packaged app (dist/ConvLens) for the current user: menu entry + icon.
#   packaging/linux/install.sh [path/to/ConvLens-folder]      (default: dist/ConvLens)
#   packaging/linux/install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/convlens.desktop" "$icons/convlens.png"
    command -v xdg-mime >/dev/null 2>&1 && xdg-mime uninstall "$here/convlens-mime.xml" || true
    echo "ConvLens removed from the menu."
    exit 0
fi
app_dir=$(cd "${1:-$here/../../dist/ConvLens}" 2>/dev/null && pwd) || {
    echo "No packaged app at ${1:-dist/ConvLens}: build it first with 'make package'." >&2
    exit 1
}
[ -x "$app_dir/ConvLens" ] || { echo "$app_dir/ConvLens is missing or not executable." >&2; exit 1; }
mkdir -p "$apps" "$icons"
sed "s|@EXEC@|\"$app_dir/ConvLens\"|" "$here/convlens.desktop" > "$apps/convlens.desktop"
icon="$app_dir/_internal/resources/icons/convlens.png"
[ -f "$icon" ] || icon="$here/../../resources/icons/convlens.png"
cp "$icon" "$icons/convlens.png"
# .convlens project files are ConvLens' own type; images and folders list ConvLens under "Open with"
command -v xdg-mime >/dev/null 2>&1 && xdg-mime install --novendor "$here/convlens-mime.xml" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "ConvLens is in the applications menu ($apps/convlens.desktop -> $app_dir/ConvLens)."
