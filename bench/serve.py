"""A static file server for the benchmark, bound to 127.0.0.1 only.

    python -m bench.serve --mount /=DIR [--mount /pagefind/=DIR2 ...] [--port 0]

Prints `PORT <n>` on stdout once it listens. It behaves like a common static host (nginx with
`gzip on`, GitHub Pages): text files (HTML, CSS, JS, JSON, SVG, XML) are sent gzip-compressed
when the browser accepts gzip; files that are already compressed or binary (Pagefind's
`.pf_*` and `.pagefind` files, images, fonts) are sent as they are. It runs in its own
process so that serving never competes with the benchmark driver for the Python GIL.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import mimetypes
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map"}
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
         ".wasm": "application/wasm", ".pagefind": "application/octet-stream",
         ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
         ".pf_fragment": "application/octet-stream", ".svg": "image/svg+xml"}


class Mounts:
    def __init__(self, mounts: list[tuple[str, Path]]):
        # longest prefix first
        self.mounts = sorted(((p if p.endswith("/") else p + "/", d.resolve()) for p, d in mounts),
                             key=lambda m: -len(m[0]))
        self._gz: dict[tuple[str, float], bytes] = {}
        self._lock = threading.Lock()

    def resolve(self, url_path: str) -> Path | None:
        path = unquote(urlsplit(url_path).path)
        for prefix, directory in self.mounts:
            if path.startswith(prefix) or path + "/" == prefix:
                rest = path[len(prefix):]
                target = (directory / rest).resolve()
                if target != directory and directory not in target.parents:
                    return None
                if target.is_dir():
                    if not path.endswith("/"):
                        return target  # caller redirects
                    target = target / "index.html"
                return target if target.is_file() else None
        return None

    def gzipped(self, file: Path) -> bytes:
        key = (str(file), file.stat().st_mtime)
        with self._lock:
            data = self._gz.get(key)
        if data is None:
            data = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._gz[key] = data
        return data


def make_handler(mounts: Mounts):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # TCP_NODELAY: headers and body go out in separate writes; with Nagle's algorithm and
        # delayed ACKs every keep-alive response would stall ~40 ms, a server artefact that
        # would penalise engines making many small requests.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self.do_GET(head=True)

        def do_GET(self, head=False):
            target = mounts.resolve(self.path)
            if target is not None and target.is_dir():
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if target is None:
                body = b"not found"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)
                return
            suffix = target.suffix.lower()
            ctype = TYPES.get(suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or suffix in (".json", ".js"):
                ctype += "; charset=utf-8"
            accepts_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
            if suffix in COMPRESSIBLE and accepts_gzip:
                body = mounts.gzipped(target)
                encoding = "gzip"
            else:
                body = target.read_bytes()
                encoding = None
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mount", action="append", required=True, help="URL prefix=directory")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    mounts = []
    for spec in args.mount:
        prefix, _, directory = spec.partition("=")
        mounts.append((prefix or "/", Path(directory)))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(Mounts(mounts)))
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
