#!/usr/bin/env bash
# Simulate a machine with many installed fonts, for the start-up bench (benches/startup.rs).
#
#   scripts/many-fonts.sh DIR N
#
# writes N small fonts with distinct family names ("Many Fonts 0001" … ) into DIR/fonts,
# made from the bundled Libre Franklin (OFL) cut down to Basic Latin, and DIR/fonts.conf: the
# system's fontconfig configuration plus DIR/fonts. It then builds fontconfig's cache for
# them (as a real machine has one), so a run with
#
#   FONTCONFIG_FILE=DIR/fonts.conf broadsheet check layouts/hexi-news.ron
#
# sees the system's fonts and N more. Everything is written inside DIR (fontconfig's cache for
# the new folder goes to DIR/cache), but for fonttools (pinned), which lives in a private venv:
# FONTS_VENV, default target/fonts-venv, as for scripts/make-fonts.sh.
#
# Needs: python3 with venv + pip (PyPI reachable, the first time), fontconfig (fc-cache).
set -euo pipefail

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]] || [ "$2" -lt 1 ]; then
  echo "usage: $0 DIR N   (N fonts with distinct families in DIR/fonts, and DIR/fonts.conf)" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
n="$2"

FONTTOOLS_VERSION=4.68.0
venv="${FONTS_VENV:-$root/target/fonts-venv}"
if ! "$venv/bin/python" -c "import fontTools, sys; sys.exit(fontTools.version != '$FONTTOOLS_VERSION')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "fonttools==$FONTTOOLS_VERSION"
fi

mkdir -p "$dir/fonts" "$dir/cache"
"$venv/bin/python" - "$root/fonts/LibreFranklin-Regular.ttf" "$dir/fonts" "$n" <<'PY'
import io, sys
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

source, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
font = TTFont(source)
options = Options()
options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 16, 17]
subsetter = Subsetter(options)
subsetter.populate(unicodes=range(0x20, 0x7F))
subsetter.subset(font)
buffer = io.BytesIO()
font.save(buffer)
for i in range(1, n + 1):
    f = TTFont(io.BytesIO(buffer.getvalue()))
    family = f"Many Fonts {i:04d}"
    name = f["name"]
    for rec in list(name.names):
        if rec.nameID in (16, 17):
            name.removeNames(nameID=rec.nameID)
    name.setName(family, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    name.setName(f"{family} Regular", 4, 3, 1, 0x409)
    name.setName(f"ManyFonts{i:04d}-Regular", 6, 3, 1, 0x409)
    name.setName(f"{family};Regular", 3, 3, 1, 0x409)
    name.names = [r for r in name.names if r.platformID == 3]
    f.save(f"{out}/many-{i:04d}.ttf")
PY

cat > "$dir/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- The system's configuration and $n more fonts: scripts/many-fonts.sh $dir $n -->
<fontconfig>
  <cachedir>$dir/cache</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$dir/fonts</dir>
</fontconfig>
EOF

FONTCONFIG_FILE="$dir/fonts.conf" fc-cache "$dir/fonts"
base=$(fc-list | wc -l)
with=$(FONTCONFIG_FILE="$dir/fonts.conf" fc-list | wc -l)
echo "fontconfig lists $base fonts, and $with with FONTCONFIG_FILE=$dir/fonts.conf"
