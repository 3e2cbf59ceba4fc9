"""Writes one run's results: JSON (everything), Markdown (the table) and PNG (the chart).

Added latency is the system's percentile minus direct's percentile at the same offered rate
(a difference of percentiles, not a percentile of per-request differences)."""

import json
from pathlib import Path


def _fmt(x, nd=2):
    return "–" if x is None else f"{x:.{nd}f}"


def _added(step, base, q):
    if base is None or "skipped" in step or "skipped" in base:
        return None
    return step[f"{q}_ms"] - base[f"{q}_ms"]


def _saturated(step):
    """Past this point an open-loop run measures queueing and timeouts, not the gateway's path:
    fewer than 90 % answered 200, under 80 % of the rate served, the generator ran out of workers
    (it sent under 95 % of the planned requests, so the load was no longer open-loop), or the
    median wait passed one second."""
    planned = step.get("planned", step["requests"])
    return (step["ok"] < 0.9 * step["requests"] or step["throughput"] < 0.8 * step["target_rps"]
            or step["requests"] < 0.95 * planned or step["p50_ms"] > 1000)


def rows(meta, results):
    direct = next((r for r in results if r["key"] == "direct" and r.get("status") == "ok"), None)
    base = {s["target_rps"]: s for s in direct["steps"]} if direct else {}
    out = []
    for r in results:
        if r.get("status") != "ok":
            out.append([r["label"], "–", "–", "–", "–", "–", "–", "–", "–", "–", r.get("status", "?")])
            continue
        for s in r["steps"]:
            if "skipped" in s:
                out.append([r["label"], str(s["target_rps"]), "–", "–", "–", "–", "–", "–", "–", "–",
                            s["skipped"]])
                continue
            b = base.get(s["target_rps"])
            if r["key"] == "direct":
                p = [f"({_fmt(s[q + '_ms'])})" for q in ("p50", "p90", "p99")]
            else:
                p = [_fmt(_added(s, b, q)) for q in ("p50", "p90", "p99")]
            out.append([r["label"], str(s["target_rps"]), f"{s['throughput']:.0f}", *p,
                        f"{s['errors']}/{s['requests']}", f"{s['cpu_pct']:.0f}", f"{s['rss_mib']:.0f}",
                        "", "; ".join(x for x in ("**saturated**" if _saturated(s) else "", s["error_kinds"]) if x)])
        c = r["ceiling"]
        out.append([r["label"], f"ceiling ({meta['config']['ceiling_workers']} conc.)", f"**{c['throughput']:.0f}**",
                    f"({_fmt(c['p50_ms'])})", f"({_fmt(c['p90_ms'])})", f"({_fmt(c['p99_ms'])})",
                    f"{c['errors']}/{c['requests']}", f"{c['cpu_pct']:.0f}", f"{c['rss_mib']:.0f}", "",
                    c["error_kinds"]])
    return out


def markdown(meta, results):
    cfg = meta["config"]
    head = ["system", "offered rps", "ok/s", "p50 added ms", "p90 added ms", "p99 added ms", "errors",
            "CPU %", "RSS MiB", "", "notes"]
    lines = [
        f"# Benchmark results ({meta['mode']} mode)",
        "",
        f"Run {meta['started_utc']}, {meta['duration_s']} s, on {meta['cpus']} CPUs (kernel {meta['kernel']}); "
        f"load average at start {' '.join(meta['loadavg_start'])}, at end {' '.join(meta['loadavg_end'])}. "
        f"The generator (vegeta), the mock and the system under test share these CPUs. "
        f"Versions: {meta.get('versions') or 'not recorded'}.",
        "",
        f"Open loop: {cfg['step_s']} s per rate after a {cfg['warmup'][1]} s closed-loop warm-up with "
        f"{cfg['warmup'][0]} concurrent requests; "
        f"ceiling: {cfg['ceiling_s']} s closed loop with {cfg['ceiling_workers']} concurrent requests; "
        f"request timeout {cfg['timeout_s']} s. Mock service time {meta['mock_delay_ms']} ms, request body "
        f"{meta['body_bytes']} B, non-streaming chat completion.",
        "",
        "Added latency = the system's percentile minus direct's at the same offered rate (values in "
        "parentheses are absolute ms). CPU % is the system's process tree over the step (100 = one core); "
        "RSS is its peak. A rate is skipped once a lower one saturated (<90 % ok, <80 % of the rate served, "
        "generator out of workers, or p50 over 1 s).",
        "",
        "| " + " | ".join(h for h in head if h) + " |",
        "|" + "|".join("---" for h in head if h) + "|",
    ]
    for row in rows(meta, results):
        cells = [c for c, h in zip(row, head) if h]
        lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    lines += ["", "| system | status | start s | load avg before → after | configuration |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['label']} | {r.get('status', '?')} | {r.get('startup_s', '–')} | "
                     f"{' '.join(r.get('loadavg_before', []))} → {' '.join(r.get('loadavg_after', []))} | "
                     f"{r.get('notes', '')} |")
    return "\n".join(lines) + "\n"


def chart(path, meta, results):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    direct = next((r for r in results if r["key"] == "direct" and r.get("status") == "ok"), None)
    if direct is None:
        return
    base = {s["target_rps"]: s for s in direct["steps"]}
    ok = [r for r in results if r.get("status") == "ok"]
    fig, axes = plt.subplots(1, 3, figsize=(16, 5))
    rates = sorted(base)
    for q, ax in zip(("p50", "p99"), axes[:2]):
        for i, r in enumerate(x for x in ok if x["key"] != "direct"):
            pts = [(s["target_rps"], _added(s, base.get(s["target_rps"]), q), _saturated(s)) for s in r["steps"]
                   if "skipped" not in s and s["target_rps"] in base]
            if not pts:
                continue
            # Log scale: an added latency at or below 0.1 ms (noise can make it negative) sits on the floor.
            xs, ys = [p[0] for p in pts], [max(p[1], 0.1) for p in pts]
            line, = ax.plot(xs, ys, marker="o", label=r["label"])
            sat = [(x, y) for (x, _, bad), y in zip(pts, ys) if bad]
            if sat:
                ax.scatter(*zip(*sat), marker="x", s=80, color=line.get_color(), zorder=3)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(rates, [str(x) for x in rates])
        ax.minorticks_off()
        ax.set_xlabel("offered rate (requests/s, open loop); x = saturated")
        ax.set_ylabel(f"{q} added latency (ms, vs direct)")
        ax.set_title(f"{q} added latency")
        ax.grid(True, which="both", alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=8)
    labels = [r["label"] for r in ok]
    ax = axes[2]
    ax.barh(labels, [r["ceiling"]["throughput"] for r in ok], color="tab:blue")
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel(f"successful requests/s ({meta['config']['ceiling_workers']} concurrent)")
    ax.set_title("throughput ceiling")
    for i, r in enumerate(ok):
        ax.text(r["ceiling"]["throughput"], i, f" {r['ceiling']['throughput']:.0f}", va="center", fontsize=8)
    fig.suptitle(f"SovereignRouter vs peers, {meta['mode']} mode, {meta['started_utc']}, "
                 f"{meta['cpus']} CPUs shared by generator + mock + system, load avg start "
                 f"{meta['loadavg_start'][0]}", fontsize=10)
    missing = [f"{r['label']}: {r.get('status', '?')[:90]}" for r in results if r.get("status") != "ok"]
    if missing:
        fig.text(0.01, 0.01, "not measured — " + " | ".join(missing), fontsize=7, color="dimgray")
    fig.tight_layout(rect=(0, 0.04 if missing else 0, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write(out, meta, results):
    out = Path(out)
    out.with_suffix(".json").write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    out.with_suffix(".md").write_text(markdown(meta, results))
    try:
        chart(out.with_suffix(".png"), meta, results)
    except ImportError as e:
        print(f"report: no chart ({e}); install matplotlib", flush=True)
