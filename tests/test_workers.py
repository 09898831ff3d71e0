"""The forked worker pool: answers in order, survives a worker that dies, never hangs."""
from __future__ import annotations

import json
import os
import signal
import time

import pytest

from conftest import rule_registry
from lint import workers

pytestmark = pytest.mark.skipif(not workers.AVAILABLE, reason="needs os.fork")


def _double(task):
    return task * 2


def _stuck_on(task):
    """Hangs on "stuck" where no signal but SIGKILL can reach it, as a C call might."""
    if task == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM, signal.SIGINT})
        time.sleep(3600)
    return task.upper()


def _kill_self_on(task):
    if task == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if task == "raise":
        raise ValueError("bad task")
    return task.upper()


def test_answers_every_task_with_its_ticket():
    pool = workers.Workers(2, _double)
    try:
        tickets = [pool.submit(pool.least_busy(), n) for n in range(50)]
        assert [pool.wait(t) for t in reversed(tickets)] == [2 * n for n in reversed(range(50))]
    finally:
        pool.close()


def test_large_tasks_and_answers_pass_through_full_pipes():
    # several MB each way: the parent must keep reading answers while it writes tasks
    pool = workers.Workers(1, _double)
    try:
        tickets = [pool.submit(pool.least_busy(), "x" * 3_000_000) for _ in range(4)]
        assert all(pool.wait(t) == "x" * 6_000_000 for t in tickets)
    finally:
        pool.close()


def test_a_dead_worker_fails_its_tasks_and_is_replaced():
    pool = workers.Workers(1, _kill_self_on)
    try:
        first = pool.submit(pool.least_busy(), "die")
        with pytest.raises(workers.WorkerDied, match=r"killed by signal 9 \(SIGKILL\)"):
            pool.wait(first)
        assert pool.deaths == 1
        assert pool.wait(pool.submit(pool.least_busy(), "ok")) == "OK"  # a new worker took over
    finally:
        pool.close()


def test_a_task_that_raises_is_reported_not_fatal():
    pool = workers.Workers(1, _kill_self_on)
    try:
        with pytest.raises(workers.TaskFailed, match="ValueError: bad task"):
            pool.wait(pool.submit(pool.least_busy(), "raise"))
        assert pool.wait(pool.submit(pool.least_busy(), "fine")) == "FINE" and pool.deaths == 0
    finally:
        pool.close()


def test_a_worker_stuck_past_its_budget_is_killed_and_replaced():
    pool = workers.Workers(1, _stuck_on)
    try:
        started = time.monotonic()
        stuck = pool.submit(pool.least_busy(), "stuck", budget=0.5)
        after = pool.submit(pool.least_busy(), "after", budget=0.5)  # queued behind it
        with pytest.raises(workers.WorkerDied, match=r"was stopped after \d+ s on one task \(stuck\)"):
            pool.wait(stuck)
        assert time.monotonic() - started < 30
        with pytest.raises(workers.WorkerDied):  # it was in the dead worker's pipe
            pool.wait(after)
        assert pool.deaths == 1
        assert pool.wait(pool.submit(pool.least_busy(), "next", budget=0.5)) == "NEXT"
    finally:
        pool.close()


def test_a_slow_queue_is_not_mistaken_for_a_stuck_worker():
    # the budget counts from when the worker takes a task up, not from when it was queued:
    # ten tasks of 0.2 s each, queued at once, with 0.5 s each, all succeed
    pool = workers.Workers(1, _sleepy)
    try:
        tickets = [pool.submit(pool.least_busy(), 0.2, budget=0.5) for _ in range(10)]
        assert [pool.wait(t) for t in tickets] == [0.2] * 10 and pool.deaths == 0
    finally:
        pool.close()


def _sleepy(seconds):
    time.sleep(seconds)
    return seconds


def test_least_busy_respects_the_limit():
    pool = workers.Workers(1, _double)
    try:
        worker = pool.least_busy(2)
        tickets = [pool.submit(worker, 1), pool.submit(worker, 2)]
        assert pool.least_busy(2) is None or all(pool.done(t) for t in tickets)
        assert [pool.wait(t) for t in tickets] == [2, 4]
    finally:
        pool.close()


# -- the runner over a pool whose workers die --------------------------------------------
CLEAN = ("The committee met on Tuesday to review the budget, and its members agreed to publish "
         "the full report next month after a final round of checks. ")


def _killer_registry(marker_dir):
    """A registry with a rule that SIGKILLs the worker process linting a document holding
    KILLME: every time, or (with a marker file) only the first time."""
    parent = os.getpid()

    def check(self, doc):
        if "KILLME" in doc.text and os.getpid() != parent:
            once = os.path.join(marker_dir, "killed-once")
            if "ONCE" not in doc.text or not os.path.exists(once):
                open(once, "w").close()
                os.kill(os.getpid(), signal.SIGKILL)
        return ()

    return rule_registry("KIL001", check)


def _run(path, jobs, registry, monkeypatch):
    from lint import runner
    from lint.config import ConfigResolver

    monkeypatch.setattr(runner, "WARM_UP_CHARS", 0)
    monkeypatch.setattr(runner, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(runner, "IN_FLIGHT_PER_JOB", 10_000)  # every chunk to the worker
    resolver = ConfigResolver(discover=False, overrides={"select": ["QLT", "FRG011", "KIL001"]})
    return [r.to_dict() for r, _ in runner.Run(resolver, jobs=jobs, registry=registry).results([str(path)])]


@pytest.mark.parametrize("once", [True, False])
def test_run_survives_a_killed_worker(tmp_path, monkeypatch, capsys, once):
    texts = [f"{CLEAN} Item {i}." for i in range(400)]
    texts[150] = f"{CLEAN} KILLME {'ONCE' if once else ''}."
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    registry = _killer_registry(str(tmp_path))
    serial = _run(path, 1, registry, monkeypatch)  # the rule kills only workers, never this process
    parallel = _run(path, 2, registry, monkeypatch)
    assert len(parallel) == 400 and "a worker process killed by signal 9" in capsys.readouterr().err
    if once:  # killed by chance: the chunk is linted again, nothing differs
        assert parallel == serial
    else:  # the document kills every worker: it alone is an error, every other one is linted
        assert parallel[150]["error"].startswith("the process linting this document killed by signal 9")
        assert parallel[:150] + parallel[151:] == serial[:150] + serial[151:]


def test_run_survives_a_stuck_worker(tmp_path, monkeypatch, capsys):
    # a rule stuck where the rule clock cannot stop it (signals blocked): the worker is
    # killed after its budget, the chunk is linted again, and the document that sticks
    # again is an error; the run ends, and every other document is as linted serially
    parent = os.getpid()

    def check(self, doc):
        if "HANGME" in doc.text and os.getpid() != parent:
            _stuck_on("stuck")
        return ()

    registry = rule_registry("HNG001", check)
    texts = [f"{CLEAN} Item {i}." for i in range(200)]
    texts[70] = f"{CLEAN} HANGME."
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    from lint import runner
    from lint.config import ConfigResolver

    monkeypatch.setattr(runner, "WARM_UP_CHARS", 0)
    monkeypatch.setattr(runner, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(runner, "IN_FLIGHT_PER_JOB", 10_000)

    def run(jobs):
        resolver = ConfigResolver(discover=False, overrides={"select": ["QLT", "HNG001"]})
        return [r.to_dict() for r, _ in runner.Run(resolver, jobs=jobs, registry=registry,
                                                     rule_timeout=0.2).results([str(path)])]

    serial = run(1)
    started = time.monotonic()
    parallel = run(2)
    assert time.monotonic() - started < 60
    assert "a worker process was stopped after" in capsys.readouterr().err
    assert parallel[70]["error"].startswith("the process linting this document was stopped after")
    assert parallel[:70] + parallel[71:] == serial[:70] + serial[71:]


def test_untimed_rules_give_workers_no_budget():
    from lint.config import ConfigResolver
    from lint.runner import Run
    from lint.source import Source

    chunk = [(Source(path="a", text="x" * 500_000), None)]
    assert Run(ConfigResolver(discover=False), jobs=2, rule_timeout=0)._budget(chunk) is None
    assert Run(ConfigResolver(discover=False), jobs=2, rule_timeout=1)._budget(chunk) == pytest.approx(12.0)


# -- how many jobs by default ---------------------------------------------------------------
def _cgroup(tmp_path, own: str, files: dict) -> tuple[str, str]:
    root = tmp_path / "cgroup"
    for rel, body in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body)
    (tmp_path / "self").write_text(own)
    return str(root), str(tmp_path / "self")


@pytest.mark.parametrize("own, files, expected", [
    ("0::/\n", {"cpu.max": "150000 100000\n"}, 1.5),  # v2, quota at the root (a container)
    ("0::/job\n", {"cpu.max": "max 100000\n", "job/cpu.max": "200000 100000\n"}, 2.0),  # v2, own cgroup
    ("0::/\n", {"cpu.max": "max 100000\n"}, None),  # v2, no quota
    ("2:cpu,cpuacct:/ci\n", {"cpu,cpuacct/ci/cpu.cfs_quota_us": "300000\n",
                             "cpu,cpuacct/ci/cpu.cfs_period_us": "100000\n"}, 3.0),  # v1
    ("1:cpu:/\n", {"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),  # v1, none
    ("0::/\n", {"cpu.max": "garbage 0\n"}, None),  # unreadable: no quota, no crash
    ("0::/\n", {}, None),  # no cgroup files (not Linux)
])
def test_cgroup_cpu_quota(tmp_path, own, files, expected):
    from lint.runner import cgroup_cpu_quota

    root, self_file = _cgroup(tmp_path, own, files)
    assert cgroup_cpu_quota(root, self_file) == expected


def test_default_jobs_follows_the_quota(monkeypatch):
    from lint import runner

    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    monkeypatch.setattr(runner, "cgroup_cpu_quota", lambda: 1.5)
    assert runner.default_jobs() == 2  # 1.5 CPUs of time: two processes keep them busy
    monkeypatch.setattr(runner, "cgroup_cpu_quota", lambda: None)
    assert runner.default_jobs() == 64
    monkeypatch.setattr(runner, "cgroup_cpu_quota", lambda: 0.2)
    assert runner.default_jobs() == 1


def test_a_lone_document_is_retried_before_it_is_called_an_error(tmp_path, monkeypatch, capsys):
    # chunks of one document: a worker killed by chance while linting it (ONCE) costs
    # nothing; the document is linted again by a new worker
    from lint import runner

    monkeypatch.setattr(runner, "CHUNK_DOCS", 1)
    texts = [f"{CLEAN} Item {i}." for i in range(60)]
    texts[20] = f"{CLEAN} KILLME ONCE."
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    registry = _killer_registry(str(tmp_path))
    serial = _run(path, 1, registry, monkeypatch)
    parallel = _run(path, 2, registry, monkeypatch)
    assert "killed by signal 9" in capsys.readouterr().err
    assert parallel == serial and not any(r["error"] for r in parallel)
