#!/usr/bin/env bash
# Makes docs/day03-cnn.png, the README's picture: the Day 03 page of Site/ at its flashlight
# section, as headless Chromium draws it at 1280×1300 (a wrapper page scrolls the lesson in a frame,
# since a headless screenshot does not follow a URL fragment).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/shot.html" <<HTML
<!DOCTYPE html><html><body style="margin:0"><iframe src="file://$PWD/Site/day03-cnn.html#the-flashlight"
style="border:0;width:1280px;height:1300px"></iframe></body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 \
  --screenshot="$PWD/docs/day03-cnn.png" --window-size=1280,1300 "file://$work/shot.html" 2>/dev/null
echo "wrote docs/day03-cnn.png"
