"""Option (a) of issue 13, measured: Noto Sans CJK SC from Debian's
fonts-noto-cjk cut with fontTools into slices of 256 code points of the CJK
Unified Ideographs block (U+4E00..U+9FFF), each slice a CFF font gzipped -9,
as a server would send them. For a bundle of 200 Chinese titles, the widget
would fetch every slice a title's characters fall in, in both weights.

The titles are drawn at random (seeded) from the 3,755 common characters of
GB 2312 level 1 with Zipf weights, 10 to 25 characters each, which gives about
as many distinct characters as real titles do.

    /usr/bin/python3 bench/glyphs/font_slices.py
"""
import gzip
import io
import random
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FONTS = {'regular': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
         'bold': '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'}
SLICE = 256


def common_hanzi():
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes([lead, trail]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars[:3755]


def titles(count=200):
    rng = random.Random(13)
    chars = common_hanzi()
    rng.shuffle(chars)  # GB 2312 orders by pronunciation, not frequency
    weights = [1 / (rank + 1) for rank in range(len(chars))]
    return [''.join(rng.choices(chars, weights, k=rng.randint(10, 25))) for _ in range(count)]


def sc_number(path):
    collection = TTCollection(path, lazy=True)
    for number, font in enumerate(collection.fonts):
        if 'SC' in font['name'].getDebugName(1):
            return number
    return 0


def gz_size(path, number, codes):
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    font = TTFont(path, fontNumber=number)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return len(gzip.compress(out.getvalue(), 9))


def main():
    needed = sorted({ord(c) for t in titles() for c in t})
    slices = sorted({(c - 0x4E00) // SLICE for c in needed if 0x4E00 <= c <= 0x9FFF})
    total_slices = (0x9FFF - 0x4E00 + 1) // SLICE
    print(f'200 titles: {len(needed)} distinct characters, in {len(slices)} of {total_slices} slices of {SLICE}')
    grand = 0
    for weight, path in FONTS.items():
        number = sc_number(path)
        sizes = [gz_size(path, number, list(range(0x4E00 + s * SLICE, 0x4E00 + (s + 1) * SLICE))) for s in slices]
        exact = gz_size(path, number, needed)
        grand += sum(sizes)
        print(f'{weight}: slices fetched {sum(sizes) / 1024:.0f} KB gz (mean {sum(sizes) / len(sizes) / 1024:.1f} KB a slice); '
              f'exactly the characters needed: {exact / 1024:.0f} KB gz')
    print(f'both weights, slices: {grand / 1024:.0f} KB gz')
    sys.stdout.flush()


main()
