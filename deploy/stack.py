"""`make stack`: the production shape on this machine, on loopback ports.

nginx (front cache, static files, media) → two gunicorn instances of the app with production
settings → PostgreSQL and Redis (the machine's), SeaweedFS as the S3 object store, one task
worker and the scheduler. `python -m deploy.stack up` starts it all in the background (state
and logs in var/stack/) and prints the address; `down` stops it. The integration tests
(tests/stack/) start the same shape on free ports around the test database.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
NGINX_SITE = BASE_DIR / "deploy" / "nginx" / "approdo.conf"
S3_ACCESS_KEY = "approdo"
S3_SECRET_KEY = "approdo-stack-secret"
DEFAULT_PORTS = {"front": 8080, "app_a": 8001, "app_b": 8002, "s3": 8333}


def free_port():
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def executable(name):
    beside_python = Path(PYTHON).with_name(name)
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )
    if found is None:
        raise RuntimeError(f"{name} is missing (make install / make nginx)")
    return found


def wait_for(url, deadline=90, headers=None):
    end = time.monotonic() + deadline
    while True:
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=5) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            if time.monotonic() > end:
                raise RuntimeError(f"{url} did not answer in {deadline} s") from None
            time.sleep(0.3)


class Stack:
    """The processes of one stack; start() brings them up in order, stop() takes them down."""

    def __init__(
        self,
        root,
        *,
        database_url,
        redis_url,
        ports=None,
        instances_workers=2,
        secret_key=None,
        precompress=True,
        env=None,
    ):
        self.root = Path(root)
        self.extra_env = env or {}
        self.precompress = precompress
        self.secret_key = secret_key or "stack-" + "s" * 60
        self.database_url = database_url
        self.redis_url = redis_url
        self.ports = ports or {name: free_port() for name in DEFAULT_PORTS}
        self.workers = instances_workers
        self.processes = {}

    # --- addresses -----------------------------------------------------------------------
    @property
    def front(self):
        return f"http://127.0.0.1:{self.ports['front']}"

    def instance(self, name):
        return f"http://127.0.0.1:{self.ports['app_' + name]}"

    @property
    def s3(self):
        return f"http://127.0.0.1:{self.ports['s3']}"

    def env(self, **extra):
        """Production settings, as deploy/approdo.env.example describes them, on loopback."""
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{self.ports['front']},https://localhost",
            WAGTAILADMIN_BASE_URL=self.front,
            EMAIL_HOST="127.0.0.1",
            DEFAULT_FROM_EMAIL="Approdo <noreply@approdo.invalid>",
            ALLAUTH_TRUSTED_PROXY_COUNT="1",
            APPRODO_CLAMD_ADDRESS=os.environ.get("APPRODO_CLAMD_ADDRESS", "none"),
            APPRODO_MONITORING_KEY="stack-monitoring-salt",
            APPRODO_VAR_DIR=str(self.root / "var"),
            APPRODO_S3_ENDPOINT_URL=self.s3,
            APPRODO_S3_ACCESS_KEY=S3_ACCESS_KEY,
            APPRODO_S3_SECRET_KEY=S3_SECRET_KEY,
            APPRODO_S3_MEDIA_DOMAIN=f"127.0.0.1:{self.ports['front']}/media",
            APPRODO_S3_MEDIA_PROTOCOL="http:",
            APPRODO_FRONT_CACHE_URL=self.front,
            APPRODO_STATIC_PRECOMPRESS="1" if self.precompress else "0",
        )
        env.update(self.extra_env)
        env.update(extra)
        return env

    # --- processes -----------------------------------------------------------------------
    def spawn(self, name, args, env=None, detach=False):
        log = (self.root / "logs" / f"{name}.log").open("ab")
        process = subprocess.Popen(
            args,
            cwd=BASE_DIR,
            env=env or self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=detach,
        )
        self.processes[name] = process
        (self.root / "pids" / f"{name}.pid").write_text(str(process.pid))
        return process

    def manage(self, *args, env=None):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env or self.env(), check=True
        )

    def start_object_store(self, detach):
        data = self.root / "weed"
        data.mkdir(parents=True, exist_ok=True)
        config = self.root / "s3.json"
        config.write_text(
            '{"identities": ['
            f'{{"name": "approdo", "credentials": [{{"accessKey": "{S3_ACCESS_KEY}", '
            f'"secretKey": "{S3_SECRET_KEY}"}}], "actions": ["Admin"]}},'
            '{"name": "anonymous", "actions": ["Read:media"]}]}'
        )
        ports = {name: free_port() for name in ("master", "volume", "filer")}
        while any(port > 55000 for port in ports.values()):  # gRPC ports are +10000
            ports = {name: free_port() for name in ("master", "volume", "filer")}
        self.spawn(
            "weed",
            [
                executable("weed"),
                "server",
                f"-dir={data}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-master.port={ports['master']}",
                f"-volume.port={ports['volume']}",
                f"-filer.port={ports['filer']}",
                "-master.volumeSizeLimitMB=64",
                "-volume.max=64",
                "-s3",
                f"-s3.port={self.ports['s3']}",
                f"-s3.port.grpc={free_port()}",
                f"-s3.config={config}",
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
            ],
            detach=detach,
        )
        import boto3

        s3 = boto3.client(
            "s3",
            endpoint_url=self.s3,
            aws_access_key_id=S3_ACCESS_KEY,
            aws_secret_access_key=S3_SECRET_KEY,
            region_name="us-east-1",
        )
        end = time.monotonic() + 60
        for bucket in ("media", "private"):
            while True:
                try:
                    s3.head_bucket(Bucket=bucket)
                    break
                except Exception:
                    with contextlib.suppress(Exception):
                        s3.create_bucket(Bucket=bucket)
                        break
                    if time.monotonic() > end:
                        raise RuntimeError("SeaweedFS did not start (var/stack/logs)") from None
                    time.sleep(0.3)

    def start_instance(self, name, detach=False, wait=True):
        port = self.ports["app_" + name]
        self.spawn(
            f"app_{name}",
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            detach=detach,
        )
        if wait:
            wait_for(f"{self.instance(name)}/healthz")

    def nginx_site(self):
        """deploy/nginx/approdo.conf with this stack's addresses and folders filled in."""
        site = NGINX_SITE.read_text()
        for key, value in {
            "CACHE": str(self.root / "front-cache"),
            "APP_A": f"127.0.0.1:{self.ports['app_a']}",
            "APP_B": f"127.0.0.1:{self.ports['app_b']}",
            "LISTEN": f"127.0.0.1:{self.ports['front']}",
            "STATIC": str(self.root / "var" / "static"),
            "MEDIA": self.s3,
            # TLS would end in front of this nginx in production; the stack says it did.
            "SCHEME": "https",
        }.items():
            site = site.replace(f"@@{key}@@", value)
        return site

    def nginx_config(self):
        site = self.nginx_site()
        (self.root / "approdo.conf").write_text(site)
        temp = "\n".join(
            f"    {kind}_temp_path {self.root / 'nginx-tmp' / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.root / "nginx.conf").write_text(
            f"""{user}daemon off;
worker_processes 1;
pid {self.root / "nginx.pid"};
error_log {self.root / "logs" / "nginx-error.log"};
events {{ worker_connections 1024; }}
http {{
    access_log off;
    include /etc/nginx/mime.types;
{temp}
    include {self.root / "approdo.conf"};
}}
"""
        )

    def start(self, *, seed=False, detach=False):
        for folder in ("logs", "pids", "nginx-tmp", "var"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        self.start_object_store(detach)
        self.manage("migrate", "--noinput", "-v0")
        if seed:
            # The demo is for development: its command exists under dev settings only.
            self.manage("seed_demo", env=self.env(DJANGO_SETTINGS_MODULE="portal.settings.dev"))
        self.manage("collectstatic", "--noinput", "-v0")
        self.start_instance("a", detach, wait=False)
        self.start_instance("b", detach, wait=False)
        wait_for(f"{self.instance('a')}/healthz")
        wait_for(f"{self.instance('b')}/healthz")
        self.spawn("worker", [PYTHON, "manage.py", "db_worker"], detach=detach)
        self.spawn(
            "scheduler",
            [PYTHON, "-m", "deploy.stack", "scheduler"],
            detach=detach,
        )
        self.nginx_config()
        self.spawn(
            "nginx",
            [executable("nginx"), "-c", str(self.root / "nginx.conf"), "-p", str(self.root)],
            detach=detach,
        )
        wait_for(f"{self.front}/healthz")
        return self

    def stop(self):
        """Asks every process to stop at once, then kills what is left after 10 s."""
        processes = [self.processes.pop(name) for name in reversed(list(self.processes))]
        for process in processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 10
        for process in processes:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def scheduler_loop():
    """What systemd's timer does in production: run_jobs every minute."""
    while True:
        subprocess.run([PYTHON, "manage.py", "run_jobs"], cwd=BASE_DIR, check=False)
        time.sleep(60)


def down(root):
    groups = []
    for pidfile in sorted((root / "pids").glob("*.pid")):
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.killpg(int(pidfile.read_text()), signal.SIGTERM)
            groups.append(int(pidfile.read_text()))
        pidfile.unlink()
    time.sleep(3)
    for group in groups:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)


def main(argv):
    root = BASE_DIR / "var" / "stack"
    command = argv[1] if len(argv) > 1 else "up"
    if command == "scheduler":
        return scheduler_loop()
    if command == "down":
        return down(root)
    if (root / "pids").exists():
        down(root)
    database = os.environ.get(
        "STACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/approdo_stack"
    )
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", database.rsplit("/", 1)[1]],
        capture_output=True,
        check=False,
    )
    stack = Stack(
        root,
        database_url=database,
        redis_url=os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/3"),
        ports=dict(DEFAULT_PORTS),
    )
    stack.start(seed=True, detach=True)
    print(f"Approdo's production shape is up: {stack.front}/it/  (make stack-down stops it)")
    print(f"Instances {stack.instance('a')} and {stack.instance('b')}, object store {stack.s3}")


if __name__ == "__main__":
    main(sys.argv)
