"""Runs the benchmark: one mock, each system in turn, vegeta at fixed open-loop rates and a
throughput-ceiling run, CPU and RSS sampled from /proc. Called by bench/run; writes
bench/results/results-<mode>.{json,md,png} through report.py."""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import report
import systems

BENCH = Path(__file__).resolve().parent
VEGETA = str(systems.TOOLS / "bin" / "vegeta")
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

# Every bound is here: rates (requests/s), seconds per step, workers of the ceiling run.
MODES = {
    # warmup = (concurrent requests, seconds), closed loop so a cold JIT is never swamped.
    "quick": dict(warmup=(8, 6), rates=[50, 200], step_s=5, ceiling_workers=32, ceiling_s=5,
                  max_workers=512, timeout_s=5, ready_s=90),
    "full": dict(warmup=(16, 20), rates=[100, 250, 500, 1000, 2000, 5000], step_s=15, ceiling_workers=64,
                 ceiling_s=15, max_workers=2048, timeout_s=10, ready_s=120),
}
MOCK_DELAY_MS = 2

# The same request for every system: a system prompt, a ~600-byte user turn, no secrets.
BODY = json.dumps({
    "model": systems.MODEL,
    "max_tokens": 64,
    "messages": [
        {"role": "system", "content": "You are a concise assistant for an internal engineering team."},
        {"role": "user", "content": ("Summarise the following incident note in two sentences. " +
                                     "The deploy at 14:02 raised p99 latency on the checkout path; " * 9).strip()},
    ],
}).encode()

SYSTEMS = [
    # key, label, install-status name, starter
    ("direct", "(a) direct to mock", None, None),
    ("sovereign-plain", "(b) SovereignRouter plain", "sovereign",
     lambda w, m: systems.start_sovereign(w, m, full=False)),
    ("sovereign-full", "(c) SovereignRouter full, sync proof", "sovereign",
     lambda w, m: systems.start_sovereign(w, m, full=True, proof="sync")),
    ("sovereign-async", "(c) SovereignRouter full, async proof", "sovereign",
     lambda w, m: systems.start_sovereign(w, m, full=True, proof="async")),
    ("litellm", "(d) LiteLLM proxy", "litellm", systems.start_litellm),
    ("portkey", "(d) Portkey gateway", "portkey", systems.start_portkey),
    ("bifrost", "(d) Bifrost", "bifrost", systems.start_bifrost),
]


def loadavg():
    return Path("/proc/loadavg").read_text().split()[:3]


def tree(root):
    """root and every descendant pid (LiteLLM and Node may fork workers)."""
    children = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def sample(root):
    """(cpu seconds, rss bytes) summed over the process tree."""
    cpu = rss = 0
    for pid in tree(root):
        try:
            f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += int(f[11]) + int(f[12])  # utime, stime (fields 14, 15)
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return cpu / CLK_TCK, rss


class Sampler:
    """Samples the tree every 200 ms while a step runs: CPU over the step, peak RSS."""

    def __init__(self, pid):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()

    def __enter__(self):
        self.t0, self.cpu0 = time.monotonic(), sample(self.pid)[0]
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def _run(self):
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, sample(self.pid)[1])

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join()
        cpu1, rss = sample(self.pid)
        self.peak = max(self.peak, rss)
        self.cpu_pct = 100.0 * (cpu1 - self.cpu0) / max(time.monotonic() - self.t0, 1e-6)


def targets_file(proc, workdir, body_file):
    lines = [f"POST {proc.url}", "Content-Type: application/json"]
    lines += [f"{k}: {v}" for k, v in proc.headers.items()]
    lines += [f"@{body_file}", ""]
    path = workdir / "targets.http"
    path.write_text("\n".join(lines))
    return path


def attack(targets, rate, seconds, cfg, workers=None):
    """One bounded vegeta run; returns its JSON report. rate 0 = as fast as `workers` allow."""
    cmd = [VEGETA, "attack", "-targets", str(targets), "-format", "http", "-duration", f"{seconds}s",
           "-timeout", f"{cfg['timeout_s']}s", "-keepalive=true"]
    if rate:
        cmd += ["-rate", f"{rate}/s", "-max-workers", str(cfg["max_workers"])]
    else:
        cmd += ["-rate", "0", "-workers", str(workers), "-max-workers", str(workers)]
    limit = seconds + cfg["timeout_s"] + 30
    a = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    rep = subprocess.run([VEGETA, "report", "-type", "json"], stdin=a.stdout, capture_output=True,
                         timeout=limit)
    a.stdout.close()
    a.wait(timeout=10)
    if rep.returncode != 0:
        raise RuntimeError(f"vegeta report failed: {rep.stderr.decode()[:300]}")
    return json.loads(rep.stdout)


def summarise(r, target, cpu, rss):
    lat = r["latencies"]
    codes = r.get("status_codes", {})
    ok = codes.get("200", 0)
    errors = r["requests"] - ok
    top = sorted(((v, k) for k, v in codes.items() if k != "200"), reverse=True)
    err_kinds = ", ".join(f"{k if k != '0' else 'no response'}×{v}" for v, k in top[:3])
    for e in r.get("errors") or []:
        # vegeta's messages repeat the URL; keep only what went wrong.
        short = ("client timeout" if "Client.Timeout" in e or "deadline exceeded" in e else
                 "connection refused" if "connection refused" in e else
                 "connection reset" if "reset by peer" in e else
                 "too many open files" if "too many open files" in e else e.split(": ")[-1][:60])
        if short not in err_kinds:
            err_kinds += ("; " if err_kinds else "") + short
    return {
        "target_rps": target, "requests": r["requests"], "rate": round(r["rate"], 1),
        "throughput": round(r["throughput"], 1), "ok": ok, "errors": errors, "error_kinds": err_kinds,
        "p50_ms": lat["50th"] / 1e6, "p90_ms": lat["90th"] / 1e6, "p99_ms": lat["99th"] / 1e6,
        "max_ms": lat["max"] / 1e6, "cpu_pct": round(cpu, 1), "rss_mib": round(rss / 2**20, 1),
    }


def drain(proc, limit_s, log):
    """After a saturated step some systems keep serving requests the generator gave up on: wait
    (bounded) until a single request is answered within a second, so the ceiling run starts clean."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        try:
            systems.wait_ready(proc, BODY, 1)
            if time.monotonic() - t0 < 1:
                return
        except RuntimeError:
            pass
    log(f"  still draining after {limit_s} s")


def measure(key, proc, pid, cfg, workdir, log):
    body_file = workdir / "body.json"
    body_file.write_bytes(BODY)
    targets = targets_file(proc, workdir, body_file)
    w_conc, w_s = cfg["warmup"]
    log(f"  warm-up: {w_conc} concurrent x {w_s}s")
    attack(targets, 0, w_s, cfg, workers=w_conc)
    steps, saturated = [], None
    for rate in cfg["rates"]:
        if saturated:
            steps.append({"target_rps": rate, "skipped": f"saturated at {saturated} rps"})
            log(f"  {rate} rps: skipped (saturated at {saturated} rps)")
            continue
        time.sleep(1)
        with Sampler(pid) as s:
            r = attack(targets, rate, cfg["step_s"], cfg)
        st = summarise(r, rate, s.cpu_pct, s.peak)
        st["planned"] = rate * cfg["step_s"]
        steps.append(st)
        log(f"  {rate} rps: ok {st['ok']}/{st['requests']} p50 {st['p50_ms']:.2f} p99 {st['p99_ms']:.2f} ms "
            f"cpu {st['cpu_pct']}% rss {st['rss_mib']} MiB {st['error_kinds']}")
        # Past saturation an open-loop run only measures queueing and timeouts: stop climbing.
        if report._saturated(st):
            saturated = rate
    time.sleep(1)
    if saturated:
        drain(proc, cfg["timeout_s"] * 3, log)
    with Sampler(pid) as s:
        r = attack(targets, 0, cfg["ceiling_s"], cfg, workers=cfg["ceiling_workers"])
    ceiling = summarise(r, 0, s.cpu_pct, s.peak)
    log(f"  ceiling ({cfg['ceiling_workers']} workers): {ceiling['throughput']} ok/s, "
        f"p50 {ceiling['p50_ms']:.2f} ms, errors {ceiling['errors']}")
    return steps, ceiling


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=MODES, default="quick")
    ap.add_argument("--only", default="", help="comma-separated system keys (direct always runs)")
    args = ap.parse_args()
    cfg = MODES[args.mode]
    only = {s for s in args.only.split(",") if s}
    started = time.monotonic()
    results_dir = BENCH / "results"
    results_dir.mkdir(exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix=f"run-{args.mode}-", dir=BENCH / ".tools"))

    def log(msg):
        print(f"[{time.monotonic() - started:6.1f}s] {msg}", flush=True)

    status_dir = systems.TOOLS / "status"
    meta = {
        "mode": args.mode, "config": cfg, "mock_delay_ms": MOCK_DELAY_MS, "body_bytes": len(BODY),
        "started_utc": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "cpus": os.cpu_count(), "kernel": platform.release(), "loadavg_start": loadavg(),
        "versions": os.environ.get("BENCH_VERSIONS", ""),
    }
    mock_dir = run_dir / "mock"
    mock_dir.mkdir()
    mock, mock_port = systems.start_mock(mock_dir, MOCK_DELAY_MS)
    results = []
    try:
        systems.wait_ready(mock, BODY, 10)
        for key, label, install, starter in SYSTEMS:
            if only and key != "direct" and key not in only:
                continue
            entry = {"key": key, "label": label, "loadavg_before": loadavg()}
            results.append(entry)
            status = (status_dir / install).read_text().strip() if install and (status_dir / install).exists() else "ok"
            if install and status != "ok":
                # One line in the table: install logs carry tabs and newlines.
                entry["status"] = "not installed: " + " ".join(status.removeprefix("FAILED: ").split())
                log(f"{label}: NOT INSTALLED — {status}")
                continue
            log(f"{label}: starting")
            workdir = run_dir / key
            workdir.mkdir()
            proc = None
            try:
                if key == "direct":
                    proc, pid = mock, mock.popen.pid
                    entry["notes"] = f"Go net/http, fixed {MOCK_DELAY_MS} ms service time"
                else:
                    t0 = time.monotonic()
                    proc = starter(workdir, mock_port)
                    systems.wait_ready(proc, BODY, cfg["ready_s"])
                    entry["startup_s"] = round(time.monotonic() - t0, 1)
                    entry["notes"] = proc.notes
                    pid = proc.popen.pid
                    log(f"  ready in {entry['startup_s']} s")
                entry["steps"], entry["ceiling"] = measure(key, proc, pid, cfg, workdir, log)
                entry["status"] = "ok"
            except Exception as e:  # noqa: BLE001 - one system failing must not stop the others
                entry["status"] = f"failed: {e}"
                log(f"{label}: FAILED — {e}")
            finally:
                if proc is not None and proc is not mock:
                    proc.stop()
                    if entry["status"] != "ok" and proc.log:
                        shutil.copy(proc.log, results_dir / f"failed-{args.mode}-{key}.log")
            entry["loadavg_after"] = loadavg()
    finally:
        mock.stop()
    meta["loadavg_end"] = loadavg()
    meta["duration_s"] = round(time.monotonic() - started, 1)
    out = results_dir / f"results-{args.mode}"
    report.write(out, meta, results)
    log(f"done in {meta['duration_s']} s: {out}.md, {out}.json, {out}.png")
    shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
