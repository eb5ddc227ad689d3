"""bench/course_page.py's report: issue 18's goal per page, the results table and the PASS/FAIL
judgement (ratios to the peer pages of the same run)."""

from __future__ import annotations

from serving import Page

# What issue 18 asks of each page: a ratio to a peer page measured in the same run (ratios hold
# on a shared machine; absolute req/s move with its load), a p95, a query budget, a req/s floor.
GOALS = {
    "anon_course": {"peer": "peer_course", "ratio": 20, "p95_ms": 10, "queries": 4},
    "learner_lesson": {"peer": "peer_lesson", "ratio": 8, "p95_ms": 25, "queries": 4},
    "class_grid": {"peer": "peer_classsummary", "ratio": 40, "p95_ms": 30, "queries": 4},
    "grid_json": {"same_as": "class_grid", "queries": 4},
    "teacher_class": {"rps": 400, "queries": 4},
    # Issue 18 asks ≥ 400 req/s (≈ 40× Kolibri's class summary on this box); the ratio to the
    # Kolibri page of the same run is printed, not judged.
    "dashboard": {"rps": 400, "queries": 6, "compare": "peer_classsummary"},
}
GOAL_WORKER_RSS_MIB = 120


def table(pages: list[Page]) -> str:
    head = ["page", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "SQL", "CPU ms/req",
            "bytes"]
    rows = []
    for p in pages:
        w = p.wrk
        size = f"{p.body_bytes}" + (f" (gz {p.gzip_bytes})" if p.gzip_bytes is not None else "")
        rows.append([p.label, f"{w['rps']:.0f}", f"{w['p50_us'] / 1000:.1f}",
                     f"{w['p95_us'] / 1000:.1f}", f"{w['p99_us'] / 1000:.1f}",
                     str(w["non2xx"]), str(p.queries),
                     f"{p.cpu_ms_per_req:.2f}" if not p.base else "–", size])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = " | ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    lines = [fmt.format(*head), "-+-".join("-" * w for w in widths)]
    lines += [fmt.format(*r) for r in rows]
    return "\n".join(lines)


def goals(pages: list[Page]) -> tuple[str, bool]:
    by_key = {p.key: p for p in pages}
    lines, ok_all = [], True
    for p in pages:
        goal = GOALS.get(p.key)
        if goal is None:
            continue
        rps, p95 = p.wrk["rps"], p.wrk["p95_us"] / 1000
        checks = []
        peer = by_key.get(goal.get("peer", ""))
        if "ratio" in goal:
            if peer is not None:
                ratio = rps / max(peer.wrk["rps"], 1e-9)
                checks.append((f"≥ {goal['ratio']}× {peer.label}", ratio >= goal["ratio"],
                               f"{ratio:.1f}× ({rps:.0f} vs {peer.wrk['rps']:.1f} req/s)"))
            else:
                lines.append(f"  SKIP  {p.label}: ratio to the peer (peer not measured)")
        compared = by_key.get(goal.get("compare", ""))
        if compared is not None:
            lines.append(f"  INFO  {p.label}: {rps / max(compared.wrk['rps'], 1e-9):.1f}× "
                         f"{compared.label} ({rps:.0f} vs {compared.wrk['rps']:.1f} req/s)")
        if "same_as" in goal and goal["same_as"] in by_key:
            other = by_key[goal["same_as"]].wrk["rps"]
            checks.append((f"req/s ≥ {by_key[goal['same_as']].label}", rps >= other,
                           f"{rps:.0f} vs {other:.0f}"))
        if "rps" in goal:
            checks.append((f"req/s ≥ {goal['rps']}", rps >= goal["rps"], f"{rps:.0f}"))
        if "p95_ms" in goal:
            checks.append((f"p95 ≤ {goal['p95_ms']} ms", p95 <= goal["p95_ms"], f"{p95:.1f} ms"))
        checks.append((f"SQL ≤ {goal['queries']}", (p.queries or 0) <= goal["queries"],
                       str(p.queries)))
        checks.append(("non-2xx = 0", p.wrk["non2xx"] == 0 and p.wrk["err_status"] == 0,
                       str(p.wrk["non2xx"])))
        for name, ok, got in checks:
            ok_all &= ok
            lines.append(f"  {'PASS' if ok else 'FAIL'}  {p.label}: {name} (got {got})")
    return "\n".join(lines), ok_all
