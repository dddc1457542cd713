#!/usr/bin/env bash
# Regenerate the bundled fonts in fonts/ byte-for-byte from pinned upstream packages.
#
#   scripts/make-fonts.sh           build everything, install into fonts/, write fonts/SHA256SUMS
#   scripts/make-fonts.sh --check   build everything in a temp dir and compare with
#                                   fonts/SHA256SUMS; fonts/ is not modified
#
# Needs: bash, python3 (>= 3.10, with venv + pip), apt-get + dpkg-deb (Debian 12 sources;
# run `apt-get update` first), npm, network access to deb.debian.org, PyPI and npm.
# Nothing is installed system-wide: the Debian packages are only downloaded and unpacked,
# fonttools lives in a private venv (FONTS_VENV, default target/fonts-venv).
#
# Every download is pinned by version and sha256; a mismatch is an error unless
# ALLOW_UNPINNED=1 is set (then it is a warning and the output will differ from SHA256SUMS).
set -euo pipefail

# ---- pins -------------------------------------------------------------------------------
FONTTOOLS_VERSION=4.68.0
FONTTOOLS_WHEEL=fonttools-4.68.0-py3-none-any.whl          # pure-Python wheel, any platform
FONTTOOLS_SHA256=d76f8fdcb6936f5e1045a0c9dd721a4bf11112e60d1e243bfa1d39f06a8b3104

NOTO_CJK_PKG=fonts-noto-cjk
NOTO_CJK_VERSION='1:20220127+repack1-1'                      # Debian 12 "bookworm"
NOTO_CJK_SHA256=4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502
NOTO_CJK_FACE=2                                              # face 2 of each .ttc = Simplified Chinese

# 楷体: LXGW WenKai, regular weight only (the package also has Light and Bold). The subset is
# a Modified Version under the OFL and "LXGW" and "霞鹜" are Reserved Font Names (Debian's
# copyright file, Files: * Comment), so the subset is renamed.
LXGW_WENKAI_PKG=fonts-lxgw-wenkai
LXGW_WENKAI_VERSION='1.250+repack-1'                         # Debian 12 "bookworm"
LXGW_WENKAI_SHA256=6d1e4c4aac78ad32062aefa2c836ee4d6e58f9dcf8b3f4407c9eefe304615318
LXGW_WENKAI_TTF=LXGWWenKai-Regular.ttf                       # TrueType outlines, kept TrueType
KAI_OUT=BroadsheetWenKai-Regular.ttf
KAI_FAMILY='Broadsheet WenKai'
KAI_FAMILY_ZH='Broadsheet 文楷'
KAI_PS_NAME=BroadsheetWenKai-Regular
KAI_RESERVED=(LXGW 霞鹜)
KAI_EPOCH=1673913600                                         # 2023-01-17 00:00 UTC, the date in name ID 5

UNICODE_DATA_PKG=unicode-data
UNICODE_DATA_VERSION='15.0.0-1'                              # Unihan 15.0 (kTGH = 通用规范汉字表)
UNICODE_DATA_SHA256=5efef23bbb1c6a133ecbdd63a2cfa07159ccacf5466a49e2426101c5ecd691fc

SOURCE_SERIF_NPM=source-serif@4.5.1
SOURCE_SERIF_TGZ=source-serif-4.5.1.tgz
SOURCE_SERIF_SHA256=19a448df98f4aa777de3452b0a1e29aa7ffe29252fe552c8a2d2531702d80746
SOURCE_SERIF_FILES=(SourceSerif4-Regular.ttf SourceSerif4-It.ttf SourceSerif4-Semibold.ttf SourceSerif4-Bold.ttf)

LIBRE_FRANKLIN_PYPI=fontpkg-libre-franklin==3.0
LIBRE_FRANKLIN_WHEEL=fontpkg_libre_franklin-3.0-py3-none-any.whl
LIBRE_FRANKLIN_SHA256=8aa29dd56c06fa12a789cac243201e5d04bbb9fe494819064f270b779d0aa575
LIBRE_FRANKLIN_VF='fontpkg_libre_franklin/files/LibreFranklin[wght].ttf'
LIBRE_FRANKLIN_INSTANCES=(Regular:400 Bold:700)

# The CJK faces, in the order: .ttc file in the Debian package -> output file.
CJK_FACES=(
  NotoSerifCJK-Regular.ttc:NotoSerifSC-Regular.otf
  NotoSerifCJK-Bold.ttc:NotoSerifSC-Bold.otf
  NotoSansCJK-Regular.ttc:NotoSansSC-Regular.otf
  NotoSansCJK-Bold.ttc:NotoSansSC-Bold.otf
)
MAX_TOTAL_BYTES=$((20 * 1024 * 1024))
# -----------------------------------------------------------------------------------------

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FONTS_DIR="$ROOT/fonts"
SUBSET_PY="$ROOT/scripts/subset_cjk.py"
VENV=${FONTS_VENV:-$ROOT/target/fonts-venv}
PYTHON=${PYTHON:-python3}

CHECK=0
case "${1:-}" in
  --check) CHECK=1 ;;
  "") ;;
  -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'make-fonts: error: %s\n' "$*" >&2; exit 1; }

check_sha256() { # file expected what
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [[ "$got" != "$2" ]]; then
    if [[ "${ALLOW_UNPINNED:-0}" == 1 ]]; then
      printf 'make-fonts: WARNING: %s: sha256 %s, expected %s (ALLOW_UNPINNED=1)\n' "$3" "$got" "$2" >&2
    else
      die "$3: sha256 $got, expected $2 (set ALLOW_UNPINNED=1 to continue anyway)"
    fi
  fi
}

for tool in "$PYTHON" apt-get dpkg-deb npm sha256sum tar; do
  command -v "$tool" >/dev/null || die "'$tool' not found"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/make-fonts.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/out"
mkdir -p "$OUT" "$WORK/dl" "$WORK/deb"

# Deterministic Python: fixed hash seed, no user site-packages, no PYTHONPATH.
export PYTHONHASHSEED=0
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
VPY=("$VENV/bin/python" -s)

# ---- 1. private venv with the pinned fonttools -------------------------------------------
MARKER="$VENV/.fonttools-wheel-sha256"
if [[ -x "$VENV/bin/python" && -f "$MARKER" && "$(cat "$MARKER")" == "$FONTTOOLS_SHA256" ]] \
   && "${VPY[@]}" -c "import fontTools,sys; sys.exit(fontTools.version != '$FONTTOOLS_VERSION')" 2>/dev/null; then
  log "reusing venv $VENV (fonttools $FONTTOOLS_VERSION)"
else
  log "creating venv $VENV with fonttools $FONTTOOLS_VERSION"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv --clear "$VENV"
  "${VPY[@]}" -m pip download -q --no-deps --only-binary=:all: --platform any \
      --implementation py --abi none --python-version 3.11 \
      -d "$WORK/dl" "fonttools==$FONTTOOLS_VERSION"
  [[ -f "$WORK/dl/$FONTTOOLS_WHEEL" ]] || die "pip did not download $FONTTOOLS_WHEEL"
  check_sha256 "$WORK/dl/$FONTTOOLS_WHEEL" "$FONTTOOLS_SHA256" "$FONTTOOLS_WHEEL"
  "${VPY[@]}" -m pip install -q --no-deps --no-index "$WORK/dl/$FONTTOOLS_WHEEL"
  echo "$FONTTOOLS_SHA256" > "$MARKER"
fi
FT_VERSION=$("${VPY[@]}" -c 'import fontTools; print(fontTools.version)')
[[ "$FT_VERSION" == "$FONTTOOLS_VERSION" ]] || die "venv has fonttools $FT_VERSION, expected $FONTTOOLS_VERSION"
FT_PATH=$("${VPY[@]}" -c 'import fontTools, os; print(os.path.dirname(fontTools.__file__))')
[[ "$FT_PATH" == "$VENV"/* ]] || die "fontTools imported from $FT_PATH, not from the venv"

# ---- 2. Debian packages (download + unpack only, never installed) -------------------------
apt_download() { # package version sha256 -> prints the .deb path
  local pkg=$1 ver=$2 sha=$3 deb got
  local -a aptopts=(-q)
  # As root, apt drops privileges to _apt, which cannot write to our private temp dir.
  [[ $(id -u) == 0 ]] && aptopts+=(-o APT::Sandbox::User=root)
  ( cd "$WORK/deb" && apt-get "${aptopts[@]}" download "$pkg=$ver" >&2 ) \
    || die "apt-get download $pkg=$ver failed: run 'apt-get update' first; if this Debian release no longer has version $ver, the output cannot be reproduced byte-for-byte"
  deb=$(ls "$WORK/deb/${pkg}_"*.deb | head -n1)
  got=$(dpkg-deb -f "$deb" Version)
  [[ "$got" == "$ver" ]] || die "$pkg: downloaded version $got, expected $ver"
  check_sha256 "$deb" "$sha" "$(basename "$deb")"
  echo "$deb"
}

log "downloading $NOTO_CJK_PKG=$NOTO_CJK_VERSION"
NOTO_DEB=$(apt_download "$NOTO_CJK_PKG" "$NOTO_CJK_VERSION" "$NOTO_CJK_SHA256")
dpkg-deb -x "$NOTO_DEB" "$WORK/noto"
NOTO_DIR="$WORK/noto/usr/share/fonts/opentype/noto"
NOTO_COPYRIGHT="$WORK/noto/usr/share/doc/fonts-noto-cjk/copyright"

UNIHAN_ARGS=()
log "downloading $UNICODE_DATA_PKG=$UNICODE_DATA_VERSION (for the kTGH field)"
if UD_DEB=$(apt_download "$UNICODE_DATA_PKG" "$UNICODE_DATA_VERSION" "$UNICODE_DATA_SHA256"); then
  dpkg-deb -x "$UD_DEB" "$WORK/ud"
  UNIHAN="$WORK/ud/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
  [[ -f "$UNIHAN" ]] || die "$UNIHAN not in $UD_DEB"
  UNIHAN_ARGS=(--unihan "$UNIHAN")
else
  # apt_download failed inside the command substitution (message above): go on without it.
  printf 'make-fonts: WARNING: no %s; the 通用规范汉字表 is NOT included\n' "$UNICODE_DATA_PKG" >&2
fi

# ---- 3. CJK subsets -----------------------------------------------------------------------
for pair in "${CJK_FACES[@]}"; do
  ttc=${pair%%:*} otf=${pair##*:}
  [[ -f "$NOTO_DIR/$ttc" ]] || die "$ttc not in $NOTO_DEB"
  log "subsetting $ttc face $NOTO_CJK_FACE -> $otf"
  "${VPY[@]}" "$SUBSET_PY" subset --ttc "$NOTO_DIR/$ttc" --index "$NOTO_CJK_FACE" \
      --out "$OUT/$otf" "${UNIHAN_ARGS[@]}"
done
"${VPY[@]}" "$SUBSET_PY" license --copyright "$NOTO_COPYRIGHT" \
    --font "$OUT/NotoSerifSC-Regular.otf" > "$OUT/OFL-NotoCJK.txt"

# ---- 3b. 楷体 subset (LXGW WenKai Regular, same character set, renamed) --------------------
log "downloading $LXGW_WENKAI_PKG=$LXGW_WENKAI_VERSION"
KAI_DEB=$(apt_download "$LXGW_WENKAI_PKG" "$LXGW_WENKAI_VERSION" "$LXGW_WENKAI_SHA256")
dpkg-deb -x "$KAI_DEB" "$WORK/kai"
KAI_TTF="$WORK/kai/usr/share/fonts/truetype/lxgw-wenkai/$LXGW_WENKAI_TTF"
KAI_COPYRIGHT="$WORK/kai/usr/share/doc/$LXGW_WENKAI_PKG/copyright"
[[ -f "$KAI_TTF" ]] || die "$LXGW_WENKAI_TTF not in $KAI_DEB"
KAI_FORBID=()
for n in "${KAI_RESERVED[@]}"; do KAI_FORBID+=(--forbid-name "$n"); done
log "subsetting $LXGW_WENKAI_TTF -> $KAI_OUT"
"${VPY[@]}" "$SUBSET_PY" subset --font "$KAI_TTF" --out "$OUT/$KAI_OUT" "${UNIHAN_ARGS[@]}" \
    --timestamp "$KAI_EPOCH" --family "$KAI_FAMILY" --family-zh "$KAI_FAMILY_ZH" \
    --ps-name "$KAI_PS_NAME" "${KAI_FORBID[@]}" \
    --description "Subset of LXGW WenKai Regular, version 1.250 (Debian $LXGW_WENKAI_PKG $LXGW_WENKAI_VERSION), made for Broadsheet by scripts/make-fonts.sh: GB 2312 and the Table of General Standard Chinese Characters. Renamed because LXGW is a Reserved Font Name (SIL Open Font License 1.1, condition 3)."
"${VPY[@]}" "$SUBSET_PY" license --copyright "$KAI_COPYRIGHT" --font "$OUT/$KAI_OUT" \
    --stanza OFL-1.1 --package "$LXGW_WENKAI_PKG" --title "$KAI_FAMILY (subset of LXGW WenKai, $LXGW_WENKAI_PKG)" \
    --note "$KAI_OUT is a subset, and so a Modified Version under the licence below, of $LXGW_WENKAI_TTF version 1.250 from Debian's $LXGW_WENKAI_PKG $LXGW_WENKAI_VERSION. Because \"LXGW\" and \"霞鹜\" are Reserved Font Names (the Comment above), it is renamed \"$KAI_FAMILY\" (Chinese name records \"$KAI_FAMILY_ZH\", PostScript name $KAI_PS_NAME); its outlines are LXGW WenKai's, unchanged." \
    > "$OUT/OFL-WenKai.txt"

# ---- 4. Source Serif 4 (shipped unmodified: reserved font name "Source") ------------------
log "fetching npm $SOURCE_SERIF_NPM"
mkdir -p "$WORK/npm"
( cd "$WORK/npm" && npm pack --silent "$SOURCE_SERIF_NPM" >/dev/null ) || die "npm pack $SOURCE_SERIF_NPM failed"
[[ -f "$WORK/npm/$SOURCE_SERIF_TGZ" ]] || die "npm pack did not produce $SOURCE_SERIF_TGZ"
check_sha256 "$WORK/npm/$SOURCE_SERIF_TGZ" "$SOURCE_SERIF_SHA256" "$SOURCE_SERIF_TGZ"
members=(package/LICENSE.md)
for f in "${SOURCE_SERIF_FILES[@]}"; do members+=("package/TTF/$f"); done
tar -xzf "$WORK/npm/$SOURCE_SERIF_TGZ" -C "$WORK/npm" "${members[@]}"
for f in "${SOURCE_SERIF_FILES[@]}"; do cp "$WORK/npm/package/TTF/$f" "$OUT/$f"; done
cp "$WORK/npm/package/LICENSE.md" "$OUT/OFL-SourceSerif4.md"

# ---- 5. Libre Franklin static instances from the variable font ----------------------------
log "fetching PyPI $LIBRE_FRANKLIN_PYPI"
"${VPY[@]}" -m pip download -q --no-deps --only-binary=:all: -d "$WORK/dl" "$LIBRE_FRANKLIN_PYPI"
[[ -f "$WORK/dl/$LIBRE_FRANKLIN_WHEEL" ]] || die "pip did not download $LIBRE_FRANKLIN_WHEEL"
check_sha256 "$WORK/dl/$LIBRE_FRANKLIN_WHEEL" "$LIBRE_FRANKLIN_SHA256" "$LIBRE_FRANKLIN_WHEEL"
"${VPY[@]}" -m zipfile -e "$WORK/dl/$LIBRE_FRANKLIN_WHEEL" "$WORK/lf"
for inst in "${LIBRE_FRANKLIN_INSTANCES[@]}"; do
  style=${inst%%:*} wght=${inst##*:}
  log "instancing Libre Franklin wght=$wght -> LibreFranklin-$style.ttf"
  "${VPY[@]}" -m fontTools.varLib.instancer --static --update-name-table --no-recalc-timestamp -q \
      -o "$OUT/LibreFranklin-$style.ttf" "$WORK/lf/$LIBRE_FRANKLIN_VF" "wght=$wght"
done
cp "$WORK/lf/fontpkg_libre_franklin/LICENSE" "$OUT/OFL-LibreFranklin.txt"

# ---- 6. verify, checksum, install ---------------------------------------------------------
log "verifying"
"${VPY[@]}" "$SUBSET_PY" verify "${UNIHAN_ARGS[@]}" \
    "$OUT"/NotoSerifSC-Regular.otf "$OUT"/NotoSerifSC-Bold.otf \
    "$OUT"/NotoSansSC-Regular.otf "$OUT"/NotoSansSC-Bold.otf
# The 楷体 is TrueType and has no GPOS and no ZHS locl (its — is full width by default).
"${VPY[@]}" "$SUBSET_PY" verify "${UNIHAN_ARGS[@]}" --outlines glyf --require GSUB:vert \
    --no-zhs-locl "${KAI_FORBID[@]}" "$OUT/$KAI_OUT"
"${VPY[@]}" - "$OUT" <<'EOF'
import os, sys
from fontTools.ttLib import TTFont
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    if f.endswith((".otf", ".ttf")):
        t = TTFont(os.path.join(d, f), lazy=True)
        print(f"{f:28s} {os.path.getsize(os.path.join(d, f)):>9d} bytes  "
              f"{t['maxp'].numGlyphs:>6d} glyphs  {t['name'].getDebugName(4)}")
EOF

total=$(cat "$OUT"/* | wc -c)
log "total size of generated files: $total bytes"
(( total <= MAX_TOTAL_BYTES )) || die "fonts total $total bytes exceeds $MAX_TOTAL_BYTES"

( cd "$OUT" && LC_ALL=C ls | LC_ALL=C sort | xargs sha256sum ) > "$WORK/SHA256SUMS"

if (( CHECK )); then
  [[ -f "$FONTS_DIR/SHA256SUMS" ]] || die "no $FONTS_DIR/SHA256SUMS to compare with"
  if diff -u "$FONTS_DIR/SHA256SUMS" "$WORK/SHA256SUMS"; then
    log "OK: rebuilt files match fonts/SHA256SUMS"
  else
    die "rebuilt files differ from fonts/SHA256SUMS"
  fi
else
  mkdir -p "$FONTS_DIR"
  cp "$OUT"/* "$FONTS_DIR"/
  cp "$WORK/SHA256SUMS" "$FONTS_DIR/SHA256SUMS"
  ( cd "$FONTS_DIR" && sha256sum --quiet -c SHA256SUMS )
  log "installed into $FONTS_DIR; fonts/README.md is maintained by hand"
  cat "$FONTS_DIR/SHA256SUMS"
fi
