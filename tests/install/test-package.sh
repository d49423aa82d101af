#!/bin/bash
# The .deb a ward office installs (docs/install.md): made with CPack from this build, unpacked into a
# scratch root, its contents checked, and each program's --version run from there.
# usage: test-package.sh BUILD_DIR
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$build"
cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; exit 1; }
deb="$(ls "$scratch"/out/*.deb)"
echo "package: $(basename "$deb")"
dpkg-deb -I "$deb" > "$scratch/info"
grep -q '^ Package: clc$' "$scratch/info"
# Its dependencies were found (the libraries it links, the QML modules it loads).
for dep in libqt6core6 libsqlite3-0 libical3 libnettle8 libqrencode4 libzxing2 qml6-module-qtquick-controls adduser; do
    grep -E "^ Depends: .*\b$dep\b" "$scratch/info" >/dev/null || { cat "$scratch/info"; echo "dependency missing: $dep"; exit 1; }
done
dpkg-deb -e "$deb" "$scratch/control"
test -x "$scratch/control/postinst"
test -x "$scratch/control/prerm"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/clc usr/bin/clc-server usr/bin/clc-app \
         usr/share/applications/clc-app.desktop \
         usr/share/icons/hicolor/scalable/apps/clc.svg \
         usr/share/metainfo/io.github.clc.metainfo.xml \
         usr/share/clc/plan-2017-2018.json \
         usr/share/doc/clc/install.md \
         usr/lib/systemd/system/clc-server.service; do
    test -e "$root/$f" || { echo "missing from the package: $f"; exit 1; }
done
# The desktop entry opens clc:// links, and names an icon that is in the package.
grep -q '^MimeType=x-scheme-handler/clc;$' "$root/usr/share/applications/clc-app.desktop"
grep -q '^Exec=clc-app %u$' "$root/usr/share/applications/clc-app.desktop"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$root/usr/share/applications/clc-app.desktop"; fi
# The server runs as its own user with its data in /var/lib/clc.
grep -q '^User=clc$' "$root/usr/lib/systemd/system/clc-server.service"
grep -q '^StateDirectory=clc$' "$root/usr/lib/systemd/system/clc-server.service"
grep -q -- '--data /var/lib/clc' "$root/usr/lib/systemd/system/clc-server.service"
# Out of the box it listens on this computer only (no register in clear on the office network).
grep -q '^Environment=CLC_SERVER_LISTEN=127.0.0.1:8470$' "$root/usr/lib/systemd/system/clc-server.service"
if command -v systemd-analyze >/dev/null; then systemd-analyze verify "$root/usr/lib/systemd/system/clc-server.service" 2>&1 | grep -v -e 'clc-server: No such file' -e 'Command /usr/bin/clc-server is not executable' || true; fi
# Each program runs from the scratch root.
version="$(sed -n 's/^ Version: //p' "$scratch/info")"
for p in clc clc-server clc-app; do
    out="$("$root/usr/bin/$p" --version)"
    echo "$out"
    [[ "$out" == "$p $version" ]] || { echo "$p --version said '$out', expected '$p $version'"; exit 1; }
done
echo "package ok"
