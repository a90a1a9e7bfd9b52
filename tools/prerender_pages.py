#!/usr/bin/env python3
"""Writes the demo pages into the site with each widget's static list in place,
for visitors without JavaScript and crawlers that do not run it.

    python3 tools/prerender_pages.py --cli build/native/pubview --site build/web/site web/index.html ...

In a page, the comment `<!-- pubview html [ARGS] -->` inside a widget's element
(`<div class="pubview" ...>`) is replaced by the output of
`pubview html BUNDLE [--kind K] [--height H] [ARGS]`, run in the site folder:
BUNDLE is the element's data-bundle, K follows its data-view and H is its
data-height, so the list keeps the widget's place. The entries' heading level
(--heading) is the element's data-heading-level (or its older name
data-heading), else one below the page's last heading before the element, as
the widget's own DOM list has it (web/pubview/headings.js). ARGS adds options.
"""

import argparse
import pathlib
import re
import shlex
import subprocess
import sys

MARKER = re.compile(r"<!--\s*pubview html(?P<args>[^>]*?)\s*-->")
WIDGET_TAG = re.compile(r"<div\b[^>]*\bclass=\"(?:[^\"]*\s)?pubview(?:\s[^\"]*)?\"[^>]*>")
ATTRIBUTE = re.compile(r"([\w-]+)=\"([^\"]*)\"")
HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)
KIND_OF_VIEW = {"publications": "publication", "jobs": "job"}


def fail(message):
    sys.exit("prerender_pages.py: " + message)


def cli_arguments(page, text, marker):
    """`pubview html` arguments for the marker, from the widget element around it."""
    tags = list(WIDGET_TAG.finditer(text, 0, marker.start()))
    if not tags:
        fail("%s: `%s` is not inside an element with class pubview" % (page, marker.group(0)))
    attributes = dict(ATTRIBUTE.findall(tags[-1].group(0)))
    bundle = attributes.get("data-bundle", "")
    if not bundle or ":" in bundle or bundle.startswith(("/", "#")):
        fail("%s: the widget's data-bundle must be a file in the site, relative to the page (it is %r)" % (page, bundle))
    args = ["html", bundle]
    if attributes.get("data-view") in KIND_OF_VIEW:
        args += ["--kind", KIND_OF_VIEW[attributes["data-view"]]]
    if "data-height" in attributes:
        args += ["--height", attributes["data-height"]]
    args += ["--heading", heading_level(attributes, text[:tags[-1].start()])]
    return args + shlex.split(marker.group("args"))


def heading_level(attributes, page_before):
    """The entries' heading level: the element's choice, else one below the last heading before it (2 to 6)."""
    chosen = attributes.get("data-heading-level", attributes.get("data-heading"))
    if chosen:
        return chosen
    headings = HEADING.findall(page_before)
    return str(min(6, max(2, int(headings[-1]) + 1 if headings else 2)))


def render(page, cli, site, bundles=None):
    """The page with each widget's static list in place. `bundles` maps a bundle
    file in the site to the file whose list is drawn instead (serve.py --bundle),
    or to None to leave that widget's list out."""
    text = page.read_text(encoding="utf-8")
    out, at = [], 0
    for marker in MARKER.finditer(text):
        args = cli_arguments(page, text, marker)
        out.append(text[at:marker.start()])
        at = marker.end()
        bundle = (site / args[1]).resolve()
        if bundles and bundle in bundles:
            if bundles[bundle] is None:
                continue
            args[1] = str(bundles[bundle])
        run = subprocess.run([str(cli)] + args, cwd=site, capture_output=True, text=True)
        if run.returncode != 0:
            fail("%s: `pubview %s` failed:\n%s" % (page, " ".join(args), run.stderr))
        out.append(run.stdout.rstrip("\n"))
    out.append(text[at:])
    return "".join(out)


def prerender(page, cli, site):
    target = site / page.name
    result = render(page, cli, site)
    if not target.is_file() or target.read_text(encoding="utf-8") != result:
        target.write_text(result, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, type=pathlib.Path, help="the native pubview executable")
    parser.add_argument("--site", required=True, type=pathlib.Path, help="the site folder the pages go to")
    parser.add_argument("pages", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    if not args.cli.is_file():
        fail("%s is missing. The demo pages carry a static list of the bundle, written by the native CLI: "
             "build it first with `cmake --preset native && cmake --build --preset native --target pubview` "
             "(serve.py and tests/run.sh do), or point -DPUBVIEW_CLI=... at one." % args.cli)
    for page in args.pages:
        prerender(page, args.cli.resolve(), args.site)


if __name__ == "__main__":
    main()
