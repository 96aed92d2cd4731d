"""The app server's own ceiling: a WSGI callable that answers with the benchmark's static
copies of the pages from memory, with no Django and no work per request.

Served by the same gunicorn as the pages (one sync worker), it measures what the server and
its worker model cost before any application code runs: the most any page can reach on
that server, cached or not, to set beside nginx serving the same bytes.
"""

from bench.harness import VAR

# Read when the worker imports the module: the copies are written before it starts.
BODIES = {
    f"/static/bench/{path.name}": path.read_bytes()
    for path in (VAR / "static" / "bench").glob("*.html")
}
BODIES["/healthz"] = b"ok"


def application(environ, start_response):
    body = BODIES.get(environ.get("PATH_INFO", ""))
    if body is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]
    start_response(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
