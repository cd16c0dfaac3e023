"""Killing `quotextract extract --jobs 2` (SIGKILL or SIGTERM) leaves no worker behind, and
`--resume` then completes the run with every document once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")

TEXT = "«Мы готовы к переговорам», — заявил министр иностранных дел Сергей Лавров."
N_DOCS = 6000  # a run of seconds after its first chunk is written: the signal always lands mid-run
PATIENCE = 120  # seconds to wait for the first chunk, or for processes to end (not a time limit)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait(condition) -> bool:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _extract(*args) -> list[str]:
    return [sys.executable, "-m", "quotextract", "extract", *map(str, args)]


def _ids(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["doc_id"] for line in lines if line.strip()]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_run_leaves_no_workers_and_resumes_completely(tmp_path, how):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        "".join(json.dumps({"id": f"d{n}", "text": TEXT}, ensure_ascii=False) + "\n" for n in range(N_DOCS)),
        encoding="utf-8",
    )
    quotes, docs = tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    run = subprocess.Popen(
        _extract(dump, "-o", quotes, "--docs", docs, "--jobs", "2", "-q"),
        stderr=subprocess.PIPE,
        text=True,
    )
    assert _wait(lambda: docs.exists() and docs.stat().st_size > 0), "no chunk written"
    workers = _children(run.pid)
    assert workers, "no worker processes"
    os.kill(run.pid, how)
    _, stderr = run.communicate(timeout=PATIENCE)
    if how == signal.SIGTERM:
        assert run.returncode == 130
        assert stderr.strip().endswith("; interrupted: --resume continues")
    assert _wait(lambda: not any(_alive(pid) for pid in workers)), "workers outlived their parent"
    resumed = subprocess.run(
        _extract(dump, "-o", quotes, "--docs", docs, "--jobs", "2", "-q", "--resume"),
        capture_output=True,
        text=True,
        timeout=10 * PATIENCE,
    )
    assert resumed.returncode == 0, resumed.stderr
    expected = [f"d{n}" for n in range(N_DOCS)]
    assert _ids(docs) == expected
    assert _ids(quotes) == expected
