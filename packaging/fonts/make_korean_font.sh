#!/bin/sh
# Makes resources/fonts/NotoSansCJKkr-Regular-subset.otf: Noto Sans CJK KR (SIL OFL 1.1, Debian's fonts-noto-cjk)
# cut down to what a Korean UI needs (Latin, punctuation, arrows and maths signs, every Hangul syllable and jamo,
# CJK punctuation, full-width forms), so the app renders Korean with no CJK font installed. Run once when the font
# should change; needs fonts-noto-cjk and fontTools (pip install fonttools), neither at run time.
set -e
SRC=${SRC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}  # and NotoSansCJK-Bold.ttc -> ...-Bold-subset.otf
OUT=${OUT:-resources/fonts/NotoSansCJKkr-Regular-subset.otf}
pyftsubset "$SRC" --font-number=1 --output-file="$OUT" --layout-features='*' --name-IDs='*' --name-languages='*' \
  --unicodes='U+0020-007E,U+00A0-00FF,U+2010-206F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+25A0-25FF,U+2600-26FF,U+3000-303F,U+3130-318F,U+1100-11FF,U+A960-A97F,U+D7B0-D7FF,U+AC00-D7A3,U+FF00-FFEF'
ls -l "$OUT"
