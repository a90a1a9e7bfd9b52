#!/usr/bin/env python3
"""Set up, build and serve the pubview demo.

    python3 serve.py                  # install what is missing, build, serve http://127.0.0.1:8000/
    python3 serve.py --port 9000      # another port (a port in use: the next free one)
    python3 serve.py --bundle my.json # serve another bundle as the default one, checked first
    python3 serve.py --no-build       # serve build/web/site as it is
    python3 serve.py --standalone my.json  # write one HTML file that works from disk, and exit

The site is static: any web server can serve build/web/site. This one adds the
right types for .wasm, serves precompressed .gz files when the browser accepts
them, and has switches that make the bundle fail in the ways real servers do
(for the browser tests of the widget's error handling).
"""

import argparse
import errno
import http.server
import os
import pathlib
import subprocess
import sys
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))
from make_standalone import make_standalone  # noqa: E402  (tools/ is not a package)
from prerender_pages import render  # noqa: E402
SITE = ROOT / "build" / "web" / "site"
CLI = ROOT / "build" / "native" / "pubview"
DEFAULT_BUNDLE_PATH = "/data/most-viewed-2022.json"
# A --bundle up to this size gets its own static list in the pages; a larger
# one gets none (its HTML list would outweigh the page), rather than the seed's.
STATIC_LIST_MAX_BYTES = 2 << 20
PORTS_TRIED = 20

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json; charset=utf-8",
    ".pvpack": "application/octet-stream",  # a bundle with its index built (pubview pack)
    ".ttf": "font/ttf",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}

# How the bundle URL misbehaves with --fault (see the browser tests).
FAULTS = ("404", "500", "timeout", "truncated", "html", "slow")


def build():
    """Runs the project's set-up, the native CLI's build (the web build writes the
    pages' static lists with it) and the web build; exits on failure."""
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    steps = [
        ["bash", str(ROOT / "tools" / "setup.sh"), "--serve"],
        ["cmake", "--preset", "native"],
        ["cmake", "--build", "--preset", "native", "--target", "pubview"],
        ["cmake", "--preset", "web"],
        ["cmake", "--build", "--preset", "web", "--target", "site"],
    ]
    for step in steps:
        print("serve.py:", " ".join(step), flush=True)
        if subprocess.run(step, cwd=ROOT, env=env).returncode != 0:
            sys.exit("serve.py: the build failed; see above")


def check_bundle(bundle):
    """Checks a --bundle as `pubview validate` does and prints its problems with
    their places; returns whether it loads with no errors. The server serves it
    anyway, so the page shows the same problems."""
    if not CLI.is_file():
        print("serve.py: %s is not checked: the CLI (%s) is not built" % (bundle, CLI), flush=True)
        return True
    run = subprocess.run([str(CLI), "validate", bundle], capture_output=True, text=True)
    for line in (run.stdout + run.stderr).splitlines():
        print("serve.py: " + line, flush=True)
    if run.returncode == 2:
        print("serve.py: %s has errors (above); serving it anyway, so the page shows them too" % bundle, flush=True)
    return run.returncode != 2


def pages_for(bundle, usable):
    """The demo pages with a --bundle's own static list in place of the seed's
    (or with none, for a large or broken bundle): path -> HTML bytes."""
    default = (SITE / DEFAULT_BUNDLE_PATH.lstrip("/")).resolve()
    fits = usable and pathlib.Path(bundle).stat().st_size <= STATIC_LIST_MAX_BYTES
    bundles = {default: pathlib.Path(bundle).resolve() if fits else None}
    pages = {}
    for page in sorted((ROOT / "web").glob("*.html")):
        pages["/" + page.name] = render(page, CLI, SITE, bundles).encode("utf-8")
    pages["/"] = pages.get("/index.html", b"")
    return pages


def make_handler(bundle, fault, pages=None):
    pages = pages or {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(SITE), **kwargs)

        def log_message(self, fmt, *args):
            sys.stderr.write("serve.py: %s\n" % (fmt % args))

        def end_headers(self):
            self.send_header("Cache-Control", "no-cache")
            self.send_header("X-Content-Type-Options", "nosniff")
            super().end_headers()

        def guess_type(self, path):
            return TYPES.get(pathlib.Path(path).suffix, "application/octet-stream")

        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            if path == DEFAULT_BUNDLE_PATH and (bundle or fault):
                return self.send_bundle()
            if path in pages:
                return self.send_payload(pages[path], TYPES[".html"])
            gz = SITE / (path.lstrip("/") + ".gz")
            if "gzip" in self.headers.get("Accept-Encoding", "") and gz.is_file() and not path.endswith("/"):
                return self.send_file(gz, self.guess_type(path), encoding="gzip")
            return super().do_GET()

        def send_file(self, file, content_type, encoding=None):
            data = file.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def send_bundle(self):
            data = pathlib.Path(bundle).read_bytes() if bundle else (SITE / DEFAULT_BUNDLE_PATH.lstrip("/")).read_bytes()
            if fault == "404":
                return self.send_error(404, "Not Found")
            if fault == "500":
                return self.send_error(500, "Internal Server Error")
            if fault == "timeout":
                time.sleep(60)  # the widget's own timeout must fire first
                return None
            if fault == "html":
                page = b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>"
                return self.send_payload(page, "text/html; charset=utf-8")
            if fault == "truncated":
                self.send_response(200)
                self.send_header("Content-Type", TYPES[".json"])
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.close_connection = True
                return None
            if fault == "slow":
                self.send_response(200)
                self.send_header("Content-Type", TYPES[".json"])
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                step = max(1, len(data) // 20)
                for at in range(0, len(data), step):
                    self.wfile.write(data[at : at + step])
                    self.wfile.flush()
                    time.sleep(0.1)
                return None
            return self.send_payload(data, TYPES.get(pathlib.Path(bundle or ".json").suffix, TYPES[".json"]))

        def send_payload(self, data, content_type):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def open_server(host, port, handler):
    """The server on `port`, or on the next free port after it, saying so."""
    for candidate in range(port, port + PORTS_TRIED):
        try:
            server = http.server.ThreadingHTTPServer((host, candidate), handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE or port == 0:
                sys.exit("serve.py: cannot serve on %s:%d: %s" % (host, candidate, error.strerror))
            continue
        if candidate != port:
            print("serve.py: port %d is in use (another server?); serving on %d instead (--port N picks one)"
                  % (port, candidate), flush=True)
        return server
    sys.exit("serve.py: ports %d to %d are all in use; pick a free one with --port N" % (port, port + PORTS_TRIED - 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--bundle", help="a bundle file to serve as the default bundle")
    parser.add_argument("--no-build", action="store_true", help="serve build/web/site without setting up or building")
    parser.add_argument("--fault", choices=FAULTS, help="make the default bundle's URL fail this way (for tests)")
    parser.add_argument("--standalone", metavar="BUNDLE", help="write pubview-standalone.html with this bundle inlined, then exit")
    parser.add_argument("--output", default=str(SITE / "pubview-standalone.html"), help="where --standalone writes")
    args = parser.parse_args()

    if args.bundle and not pathlib.Path(args.bundle).is_file():
        sys.exit("serve.py: no such bundle file: %s" % args.bundle)
    if not args.no_build:
        build()
    if not (SITE / "pubview.js").is_file():
        sys.exit("serve.py: %s has no build; run without --no-build" % SITE)
    if args.standalone:
        out = pathlib.Path(args.output)
        out.write_text(make_standalone(args.standalone, SITE), encoding="utf-8")
        print("serve.py: wrote %s (%d KB); open it from disk, no server needed" % (out, out.stat().st_size // 1024))
        return

    pages = None
    if args.bundle:
        usable = check_bundle(args.bundle)
        pages = pages_for(args.bundle, usable) if CLI.is_file() else None
    server = open_server(args.host, args.port, make_handler(args.bundle, args.fault, pages))
    server.daemon_threads = True
    print("serve.py: pubview at http://%s:%d/ (Ctrl+C stops)" % (args.host, server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
