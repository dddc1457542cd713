#!/usr/bin/env bash
# Re-fetch the sample photos in assets/ from the scikit-image 0.26.0 wheel on PyPI.
#
#   scripts/fetch-photos.sh           download, verify and copy into assets/
#   scripts/fetch-photos.sh --check   download and verify against the pinned sha256 only
#
# The images are copied byte-for-byte from skimage/data/ inside the wheel (no re-encoding);
# each one is pinned by sha256 below. One file is derived: coffee.jpg, the sample edition's
# photo, is coffee.png as a JPEG (as a newspaper's photos arrive), made with ImageMagick
# 6.9.11 `convert coffee.png -quality 85 -strip coffee.jpg`. Licences: see assets/CREDITS.md.
# Needs python3 with pip and access to PyPI; nothing is installed.
set -euo pipefail

SKIMAGE_VERSION=0.26.0
# The data files are the same in every platform wheel; pin one so the download does not
# depend on the local Python version or platform.
SKIMAGE_WHEEL=scikit_image-0.26.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl
SKIMAGE_WHEEL_SHA256=74aa5518ccea28121f57a95374581d3b979839adc25bb03f289b1bc9b99c58af
COFFEE_JPG_SHA256=00be4ecb6cbf5081de2c945210b3f956eddb624f6a87fb971794e29820d50f94
PHOTOS=(
  rocket.jpg:c2dd0de7c538df8d111e479619b129464d0269d0ae5fd18ca91d33a7fdfea95c
  camera.png:b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a
  astronaut.png:88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5
  coffee.png:cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7
  chelsea.png:596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb
)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ASSETS="$ROOT/assets"
PYTHON=${PYTHON:-python3}
CHECK=0
case "${1:-}" in
  --check) CHECK=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

die() { printf 'fetch-photos: error: %s\n' "$*" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fetch-photos.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

PIP_DISABLE_PIP_VERSION_CHECK=1 "$PYTHON" -m pip download -q --no-deps --only-binary=:all: \
    --platform manylinux_2_28_x86_64 --python-version 3.11 --implementation cp --abi cp311 \
    -d "$WORK" "scikit-image==$SKIMAGE_VERSION"
[[ -f "$WORK/$SKIMAGE_WHEEL" ]] || die "pip did not download $SKIMAGE_WHEEL"
got=$(sha256sum "$WORK/$SKIMAGE_WHEEL" | cut -d' ' -f1)
[[ "$got" == "$SKIMAGE_WHEEL_SHA256" ]] \
  || printf 'fetch-photos: WARNING: wheel sha256 %s, expected %s (the images are still checked)\n' \
       "$got" "$SKIMAGE_WHEEL_SHA256" >&2

names=()
for p in "${PHOTOS[@]}"; do names+=("${p%%:*}"); done
"$PYTHON" - "$WORK/$SKIMAGE_WHEEL" "$WORK/photos" "${names[@]}" <<'EOF'
import os, sys, zipfile
wheel, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for n in names:
        with open(os.path.join(out, n), "wb") as f:
            f.write(z.read(f"skimage/data/{n}"))
EOF

for p in "${PHOTOS[@]}"; do
  name=${p%%:*} sha=${p##*:}
  got=$(sha256sum "$WORK/photos/$name" | cut -d' ' -f1)
  [[ "$got" == "$sha" ]] || die "$name: sha256 $got, expected $sha"
  echo "$sha  $name"
done

# The derived JPEG: other ImageMagick versions may encode differently, so a mismatch there is
# a warning, not an error.
if command -v convert >/dev/null; then
  convert "$WORK/photos/coffee.png" -quality 85 -strip "$WORK/photos/coffee.jpg"
  got=$(sha256sum "$WORK/photos/coffee.jpg" | cut -d' ' -f1)
  [[ "$got" == "$COFFEE_JPG_SHA256" ]] \
    || printf 'fetch-photos: WARNING: coffee.jpg sha256 %s, expected %s (another ImageMagick?)\n' \
         "$got" "$COFFEE_JPG_SHA256" >&2
else
  printf 'fetch-photos: WARNING: no ImageMagick convert; coffee.jpg not re-derived\n' >&2
fi

if (( CHECK )); then
  for p in "${PHOTOS[@]}"; do
    name=${p%%:*}
    cmp -s "$WORK/photos/$name" "$ASSETS/$name" || die "assets/$name differs from the wheel"
  done
  echo "OK: assets/ matches scikit-image $SKIMAGE_VERSION"
else
  mkdir -p "$ASSETS"
  for p in "${PHOTOS[@]}"; do cp "$WORK/photos/${p%%:*}" "$ASSETS/"; done
  [[ -f "$WORK/photos/coffee.jpg" ]] && cp "$WORK/photos/coffee.jpg" "$ASSETS/"
  echo "copied ${#PHOTOS[@]} photos into $ASSETS (see assets/CREDITS.md)"
fi
