#!/usr/bin/env bash
# Build dist/convergence-planner_<version>_amd64.deb from the frozen app in dist/convergence-planner/ with
# dpkg-deb: the app under /opt/convergence-planner, both commands in /usr/bin, the menu entry, the .cplan file
# type and the icons. Run installer/build_frozen.sh first (or pass --frozen to run it from here).
# Environment: DEB_COMPRESSION=xz (default, smallest file to carry on a USB stick) | gzip | zstd | none;
#              DEB_MAINTAINER="Name <address>" for the package's Maintainer field (set it for a release).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PACKAGE=convergence-planner
BUNDLE=$ROOT/dist/$PACKAGE
TEMPLATES=$ROOT/installer/debian
ICONS=$ROOT/resources/icons

if [ "${1:-}" = "--frozen" ]; then
  installer/build_frozen.sh
elif [ -n "${1:-}" ]; then
  echo "build_deb.sh: unknown option $1 (use --frozen or nothing)" >&2; exit 2
fi
[ -x "$BUNDLE/convergence-planner" ] || { echo "build_deb.sh: no frozen app in $BUNDLE; run installer/build_frozen.sh" >&2; exit 2; }
command -v dpkg-deb >/dev/null || { echo "build_deb.sh: dpkg-deb is missing (apt-get install dpkg)" >&2; exit 2; }

# Debian spells pre-releases with "~" so that 1.0~rc1 sorts before 1.0 (PEP 440: 1.0rc1, 1.0.dev2).
upstream=$(python -c "import planner; print(planner.version())")
version=$(printf '%s' "$upstream" | sed -E 's/\.?(dev|a|b|rc)([0-9]*)$/~\1\2/')
arch=$(dpkg --print-architecture)
stage=$ROOT/build/deb/$PACKAGE
deb=$ROOT/dist/${PACKAGE}_${version}_${arch}.deb
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/mime/packages" "$stage/usr/share/doc/$PACKAGE"

cp -a "$BUNDLE" "$stage/opt/$PACKAGE"
# Shared libraries are loaded, not run: Debian installs them 0644.
find "$stage/opt/$PACKAGE/_internal" -type f -name '*.so*' -exec chmod 644 {} +
ln -s "/opt/$PACKAGE/convergence-planner" "$stage/usr/bin/convergence-planner"
ln -s "/opt/$PACKAGE/cplan" "$stage/usr/bin/cplan"
install -m 644 "$TEMPLATES/convergence-planner.desktop" "$stage/usr/share/applications/$PACKAGE.desktop"
install -m 644 "$TEMPLATES/convergence-planner.xml" "$stage/usr/share/mime/packages/$PACKAGE.xml"
install -m 644 "$TEMPLATES/copyright" "$stage/usr/share/doc/$PACKAGE/copyright"
install -D -m 644 "$TEMPLATES/lintian-overrides" "$stage/usr/share/lintian/overrides/$PACKAGE"
maintainer=${DEB_MAINTAINER:-Convergence Planner maintainers <convergence-planner@localhost>}
{
  printf '%s (%s) stable; urgency=medium\n\n' "$PACKAGE" "$version"
  printf '  * Offline build of Convergence Planner %s.\n  * The changes are listed in the app'"'"'s CHANGELOG.md.\n\n' "$upstream"
  printf ' -- %s  %s\n' "$maintainer" "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")"
} | gzip -9n > "$stage/usr/share/doc/$PACKAGE/changelog.gz"

# Icons: the application at each rendered size and as SVG; the .cplan document icon.
for size in 16 32 48 64 128 256; do
  if [ -f "$ICONS/icon-$size.png" ]; then
    install -D -m 644 "$ICONS/icon-$size.png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$PACKAGE.png"
  fi
done
[ -f "$ICONS/icon-256.png" ] || install -D -m 644 "$ICONS/convergence-planner.png" \
  "$stage/usr/share/icons/hicolor/256x256/apps/$PACKAGE.png"
install -D -m 644 "$ICONS/convergence-planner.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$PACKAGE.svg"
install -D -m 644 "$ICONS/cplan-file.png" \
  "$stage/usr/share/icons/hicolor/256x256/mimetypes/application-x-convergence-plan.png"
install -D -m 644 "$ICONS/cplan-file.svg" \
  "$stage/usr/share/icons/hicolor/scalable/mimetypes/application-x-convergence-plan.svg"

# Libraries the bundle takes from the system (PyInstaller leaves out libc, OpenGL/EGL, libxcb and Wayland's).
glibc=$(find "$stage/opt/$PACKAGE" -type f \( -name '*.so*' -o -name convergence-planner -o -name cplan \) \
          -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# postinst refreshes the MIME, menu and icon caches at once. There is deliberately no postrm: a package with one
# stays in dpkg's "config-files" state after `dpkg -r`; on removal the file triggers of shared-mime-info,
# desktop-file-utils and hicolor-icon-theme (interested in the folders our files leave) refresh the caches.
install -m 755 "$TEMPLATES/postinst" "$stage/DEBIAN/"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: $PACKAGE
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_kb
Depends: libc6 (>= ${glibc:-2.31}), libgl1, libegl1, libxcb1, libfontconfig1
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1, shared-mime-info, desktop-file-utils
Section: misc
Priority: optional
Description: offline planner for regional AI-convergence plans (Korean local governments)
 Convergence Planner helps Korean local governments plan their regional
 AI-convergence and digital-transformation work: stakeholders, initiatives,
 schedules, budgets by fiscal year and KPIs, in one .cplan file. It works
 without a network.
 .
 This package is self-contained: Python, Qt and the fonts are installed with
 the app under /opt/convergence-planner. The commands are convergence-planner
 (the desktop app) and cplan.
CONTROL
(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/md5sums" "$stage/DEBIAN/control"

case "${DEB_COMPRESSION:-xz}" in
  xz|gzip|zstd|none) ;;
  *) echo "build_deb.sh: DEB_COMPRESSION must be xz, gzip, zstd or none" >&2; exit 2 ;;
esac
builder=(dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-xz}" --build "$stage" "$deb")
if command -v fakeroot >/dev/null; then builder=(fakeroot "${builder[@]}"); fi
"${builder[@]}" >/dev/null
echo "Built $deb: $(du -h "$deb" | cut -f1), installed size $(( installed_kb / 1024 )) MiB"
