#!/usr/bin/env bash
# Draws the application icons in resources/build/ (icon.png 512, icons/{512x512,256x256}.png for
# Linux, icon.ico for the Windows installer) with ImageMagick: an open book on a screen, in the kiosk's teal and cream.
# Run again after changing the drawing: `bash scripts/make-icons.sh` (needs /usr/bin/convert).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/resources/build"
mkdir -p "$out"
convert=/usr/bin/convert

"$convert" -size 512x512 xc:none \
  -fill '#17565e' -draw 'roundrectangle 16,16 496,496 96,96' \
  -fill '#f6f3ea' -draw 'roundrectangle 72,92 440,356 28,28' \
  -fill '#1b262c' -draw 'roundrectangle 96,116 416,332 14,14' \
  -fill '#f6f3ea' -draw 'polygon 128,168 250,188 250,308 128,288' \
  -fill '#ffffff' -draw 'polygon 384,168 262,188 262,308 384,288' \
  -stroke '#a8432c' -strokewidth 8 -draw 'line 256,186 256,312' -stroke none \
  -stroke '#9aa5ab' -strokewidth 5 \
  -draw 'line 150,204 228,216' -draw 'line 150,230 228,242' -draw 'line 150,256 228,268' \
  -draw 'line 284,216 362,204' -draw 'line 284,242 362,230' -draw 'line 284,268 362,256' \
  -stroke none \
  -fill '#f6f3ea' -draw 'polygon 226,356 286,356 300,412 212,412' \
  -fill '#f6f3ea' -draw 'roundrectangle 160,404 352,436 14,14' \
  "$out/icon.png"
# Linux (AppImage, deb) takes a folder of sizes named WIDTHxHEIGHT.png.
mkdir -p "$out/icons"
cp "$out/icon.png" "$out/icons/512x512.png"
"$convert" "$out/icon.png" -resize 256x256 "$out/icons/256x256.png"
"$convert" "$out/icon.png" -define icon:auto-resize=256,128,64,48,32,16 "$out/icon.ico"
echo "icons written to $out"
