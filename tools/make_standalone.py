#!/usr/bin/env python3
"""Writes one self-contained HTML file: the widget's code, wasm, fonts and a
bundle inlined, so that it works opened straight from disk (file://), with no
server, for offline demos.

    python3 tools/make_standalone.py BUNDLE.json [-o OUT.html] [--site build/web/site]
"""

import argparse
import base64
import html
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_SITE = ROOT / "build" / "web" / "site"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>
  :root {{ color-scheme: light dark; }}
  body {{ margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #f6f7f9; color: #1c1e24; }}
  header, main {{ max-width: 1000px; margin: 0 auto; padding: 16px 16px 8px; }}
  h1 {{ font-size: 1.4rem; margin: 0; }}
  .pubview {{ border: 1px solid #d9dce1; border-radius: 8px; overflow: hidden; }}
  @media (prefers-color-scheme: dark) {{ body {{ background: #111317; color: #e6e8ec; }} .pubview {{ border-color: #333841; }} }}
</style>
</head>
<body>
<header><h1>{title}</h1></header>
<main>
<div class="pubview" data-bundle="#pubview-bundle" data-height="calc(100vh - 110px)">{fallback}</div>
</main>
<script type="application/json" id="pubview-bundle">{bundle}</script>
<script type="application/octet-stream" id="pubview-wasm">{wasm}</script>
<script type="application/octet-stream" id="pubview-font-regular">{font_regular}</script>
<script type="application/octet-stream" id="pubview-font-bold">{font_bold}</script>
<script>{script}</script>
</body>
</html>
"""


def inline_json(text):
    """JSON that cannot end the <script> element it sits in: in JSON "</" can
    only stand inside a string, where "<\\/" means the same."""
    return text.replace("</", "<\\/")


def inline_script(text):
    """JavaScript that cannot end its <script> element. Only "</script" does;
    in pubview.js it stands in comments and strings, where "<\\/script" is
    equivalent. (Escaping every "</" would break a regex such as /a</.)"""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def make_standalone(bundle_path, site=DEFAULT_SITE):
    bundle_text = pathlib.Path(bundle_path).read_text(encoding="utf-8")
    try:
        bundle = json.loads(bundle_text)
        title = bundle.get("title") if isinstance(bundle, dict) else None
    except ValueError:
        title = None  # the widget will say what is wrong with it
    title = title if isinstance(title, str) and title else "pubview"
    site = pathlib.Path(site)

    def b64(name):
        return base64.b64encode((site / name).read_bytes()).decode("ascii")

    fallback = "<noscript>This list needs JavaScript and WebAssembly.</noscript>"
    return PAGE.format(
        title=html.escape(title),
        fallback=fallback,
        bundle=inline_json(bundle_text),
        wasm=b64("pubview.wasm"),
        font_regular=b64("fonts/pubview-regular.ttf"),
        font_bold=b64("fonts/pubview-bold.ttf"),
        script=inline_script((site / "pubview.js").read_text(encoding="utf-8")),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle")
    parser.add_argument("-o", "--output", default=str(DEFAULT_SITE / "pubview-standalone.html"))
    parser.add_argument("--site", default=str(DEFAULT_SITE), help="the built site to take the widget from")
    args = parser.parse_args()
    if not (pathlib.Path(args.site) / "pubview.wasm").is_file():
        sys.exit("make_standalone.py: %s has no build of the widget" % args.site)
    out = pathlib.Path(args.output)
    out.write_text(make_standalone(args.bundle, args.site), encoding="utf-8")
    print("wrote %s (%d KB)" % (out, out.stat().st_size // 1024))


if __name__ == "__main__":
    main()
