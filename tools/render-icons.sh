#!/bin/sh
# Renders the application icon to the PNG sizes the desktop integration installs
# (resources/icons/trhealth-SIZE.png): 16 px from trhealth-small.svg (drawn on a 16 px grid),
# every other size from trhealth.svg. Needs rsvg-convert (Debian: apt-get install
# librsvg2-bin); runs optipng on the results when it is installed. The PNGs are committed:
# run this again after changing either SVG.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
icons="$here/resources/icons"
sizes="16 24 32 48 64 128 256 512"

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render-icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
    exit 1
fi
for svg in "$icons/trhealth.svg" "$icons/trhealth-small.svg"; do
    if [ ! -f "$svg" ]; then
        echo "render-icons.sh: $svg not found" >&2
        exit 1
    fi
done

for size in $sizes; do
    if [ "$size" -le 16 ]; then
        svg="$icons/trhealth-small.svg"
    else
        svg="$icons/trhealth.svg"
    fi
    out="$icons/trhealth-$size.png"
    tmp="$out.tmp"
    rsvg-convert --format png --width "$size" --height "$size" --keep-aspect-ratio \
        --output "$tmp" "$svg"
    if command -v optipng >/dev/null 2>&1; then
        optipng -quiet -o5 -strip all "$tmp"
    fi
    mv "$tmp" "$out"
    echo "$out"
done

# The Windows icon (the installer's and trhealth.exe's): an ICO holding the 16, 24, 32, 48 and
# 256 px PNGs as they are (ICO allows PNG entries since Windows Vista).
python3 - "$icons" <<'PY'
import struct, sys
icons = sys.argv[1]
sizes = [16, 24, 32, 48, 256]
images = [open(f"{icons}/trhealth-{s}.png", "rb").read() for s in sizes]
out = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
for size, data in zip(sizes, images):
    dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
    out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open(f"{icons}/trhealth.ico", "wb").write(out + b"".join(images))
print(f"{icons}/trhealth.ico")
PY
