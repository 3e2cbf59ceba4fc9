"""The systems under test: how each is configured against the shared mock, started and stopped.

Every system proxies POST /v1/chat/completions to the same loopback mock; only the gateway in
between differs. Each start() returns a running Proc whose process tree the sampler measures.
"""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
TOOLS = Path(os.environ.get("BENCH_TOOLS", BENCH / ".tools"))
MODEL = "bench-chat"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Proc:
    """A started system: its process, the URL to load and the headers every request carries."""

    popen: subprocess.Popen
    url: str
    headers: dict = field(default_factory=dict)
    log: Path | None = None
    notes: str = ""

    def stop(self):
        if self.popen.poll() is None:
            # Each system runs in its own session, so the group holds its workers too.
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
            except ProcessLookupError:
                return
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)


def spawn(cmd, workdir, env=None, name="proc"):
    log = workdir / f"{name}.log"
    out = open(log, "wb")
    popen = subprocess.Popen(
        cmd,
        cwd=workdir,
        env={**os.environ, **(env or {})},
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    return popen, log


def wait_ready(proc, body, timeout_s):
    """Polls with a real chat completion until it answers 200, the process dies or time runs out."""
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise RuntimeError(f"exited with {proc.popen.returncode} before ready; see {proc.log}")
        req = urllib.request.Request(
            proc.url, data=body, headers={"Content-Type": "application/json", **proc.headers}
        )
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                reply = json.loads(r.read())
                if r.status == 200 and reply.get("choices"):
                    return
                last = f"HTTP {r.status}"
        except Exception as e:  # noqa: BLE001 - any failure means "not ready yet"
            last = str(e)[:200]
        time.sleep(0.5)
    raise RuntimeError(f"not ready after {timeout_s}s ({last}); see {proc.log}")


# --- (a) direct -----------------------------------------------------------------------------------


def start_mock(workdir, delay_ms):
    port = free_port()
    popen, log = spawn(
        [str(TOOLS / "bin" / "bench-mock"), "-addr", f"127.0.0.1:{port}", "-delay", f"{delay_ms}ms"],
        workdir,
        name="mock",
    )
    return Proc(popen, f"http://127.0.0.1:{port}/v1/chat/completions", {}, log), port


# --- (b), (c) SovereignRouter -----------------------------------------------------------------------

SOVEREIGN_CONFIG = """\
# Written by bench/systems.py: one OpenAI-compatible provider pointing at the shared mock.
server: {{ host: 127.0.0.1, port: {port}, admin-host: 127.0.0.1, admin-port: {admin}, data-dir: {data} }}
providers:
  - id: bench-mock
    type: openai-compatible
    base-url: http://127.0.0.1:{mock}/v1
    credential: env:BENCH_UPSTREAM_KEY
    models: [ {{ id: {model} }} ]
    timeouts: {{ connect-ms: 5000, first-byte-ms: 30000, total-ms: 60000 }}
routing:
  health:
    probe: {{ enabled: false }}
leak-scan: {{ action: {leak} }}
policy: {{ engine: embedded, decision-cache-size: {cache} }}
attestation: {{ proof: {proof} }}
"""


def start_sovereign(workdir, mock_port, full, proof="sync"):
    """(b) plain: leak scan logs only, policy decisions cached, access log off, sync proofs.
    (c) full: leak scan redacts, every request evaluates the Rego policy (cache off), access log on;
    `proof` is sync (the answer waits for its inclusion proof) or async (it carries a signed promise
    once the entry is durable in the log journal). Attestation itself cannot be turned off."""
    workdir = Path(workdir).resolve()
    port, admin = free_port(), free_port()
    data = workdir / "data"
    data.mkdir()
    cfg = workdir / "sovereign.yaml"
    cfg.write_text(
        SOVEREIGN_CONFIG.format(
            port=port,
            admin=admin,
            data=data,
            mock=mock_port,
            model=MODEL,
            leak="redact" if full else "log",
            cache=0 if full else 1024,
            proof=proof,
        )
    )
    java = os.environ.get("BENCH_JAVA", "java")
    jar = os.environ["BENCH_JAR"]
    opts = ["--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", f"-Djava.io.tmpdir={workdir}",
            f"-Dvertx.cacheDirBase={workdir}/vertx-cache"]
    if not full:
        opts.append("-Dorg.slf4j.simpleLogger.log.sovereign.access=warn")
    popen, log = spawn(
        [java, *opts, "-jar", jar, "up", "--config", str(cfg)],
        workdir,
        env={"BENCH_UPSTREAM_KEY": "sk-bench-upstream"},
        name="sovereign",
    )
    deadline = time.monotonic() + 120
    key_file = data / "demo.key"
    while not key_file.exists() or "ready in" not in log.read_text(errors="replace"):
        if popen.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"gateway did not start; see {log}")
        time.sleep(0.3)
    key = key_file.read_text().strip()
    notes = (
        f"leak scan redact + Rego policy per request (decision cache off) + {proof} attestation + access log"
        if full
        else "leak scan `log` + cached policy decision + sync attestation (cannot be turned off), access log off"
    )
    return Proc(popen, f"http://127.0.0.1:{port}/v1/chat/completions",
                {"Authorization": f"Bearer {key}"}, log, notes)


# --- (d) peers --------------------------------------------------------------------------------------

LITELLM_CONFIG = """\
model_list:
  - model_name: {model}
    litellm_params: {{ model: openai/{model}, api_base: "http://127.0.0.1:{mock}/v1", api_key: sk-bench-upstream }}
litellm_settings: {{ telemetry: false, set_verbose: false, drop_params: true }}
general_settings: {{ disable_spend_logs: true }}
"""


def start_litellm(workdir, mock_port):
    port = free_port()
    cfg = workdir / "litellm.yaml"
    cfg.write_text(LITELLM_CONFIG.format(model=MODEL, mock=mock_port))
    # Per-request access lines off, as for SovereignRouter's plain path.
    log_cfg = workdir / "uvicorn-log.json"
    log_cfg.write_text(json.dumps({
        "version": 1, "disable_existing_loggers": False,
        "handlers": {"default": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}},
        "loggers": {"uvicorn": {"handlers": ["default"], "level": "WARNING"},
                    "uvicorn.access": {"handlers": ["default"], "level": "WARNING", "propagate": False}},
    }))
    exe = TOOLS / "litellm-venv" / "bin" / "litellm"
    popen, log = spawn(
        [str(exe), "--config", str(cfg), "--host", "127.0.0.1", "--port", str(port), "--num_workers", "1",
         "--log_config", str(log_cfg)],
        workdir,
        # No master key and no database: the cheapest proxy path LiteLLM offers. The local cost
        # map keeps it from fetching prices over the network at start.
        env={"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOG": "ERROR", "DISABLE_SCHEMA_UPDATE": "True",
             "HOME": str(workdir)},
        name="litellm",
    )
    return Proc(popen, f"http://127.0.0.1:{port}/v1/chat/completions",
                {"Authorization": "Bearer sk-bench-client"}, log,
                "1 uvicorn worker, no master key, no database, access log off")


def start_portkey(workdir, mock_port):
    port = free_port()
    entry = TOOLS / "portkey" / "node_modules" / "@portkey-ai" / "gateway" / "build" / "start-server.js"
    # --headless + production: no built-in UI and no live log stream, the cheapest mode it has.
    popen, log = spawn(["node", str(entry), f"--port={port}", "--headless"], workdir,
                       env={"NODE_ENV": "production"}, name="portkey")
    # Portkey routes per request: provider and upstream host come as headers.
    headers = {
        "Authorization": "Bearer sk-bench-upstream",
        "x-portkey-provider": "openai",
        "x-portkey-custom-host": f"http://127.0.0.1:{mock_port}/v1",
    }
    return Proc(popen, f"http://127.0.0.1:{port}/v1/chat/completions", headers, log,
                "Node 20, --headless, provider + custom host in request headers")


def start_bifrost(workdir, mock_port):
    raise RuntimeError("not installed")
