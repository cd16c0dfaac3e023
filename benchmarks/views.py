"""Corpus views on a real corpus: time and memory of clusters() and the report; gender accuracy.

    .venv/bin/python benchmarks/views.py [--quotes QUOTES.parquet] [--gold DIR]

--quotes: a quotes table of the benchmark corpus (made first with ``quotextract extract
../shared/bench/news.jsonl.gz -o QUOTES.parquet --keep-columns source --jobs 2`` when missing).
Each view runs in a fresh process: CPU and wall time, peak RSS (ru_maxrss) of that process.
--gold: the dev set; its articles are extracted and ``speaker_gender`` is compared with the
hand-made table tests/data/gender_names.tsv (names of the gold speakers with their gender).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "news.jsonl.gz"
GOLD = ROOT.parent / "shared" / "eval" / "dev"
sys.path.insert(0, str(ROOT / "tests"))
from test_gender import gender_accuracy, read_names  # noqa: E402  (the measurement is a test too)

VIEW = r"""
import json, resource, sys, time
import pandas as pd
import quotextract
quotes = pd.read_parquet(sys.argv[1])
if sys.argv[2] == "clusters x10":  # the corpus ten times over, as ten reprints of each document
    quotes = pd.concat([quotes.assign(doc_id=quotes.doc_id + f"#{n}") for n in range(10)], ignore_index=True)
wall, cpu = time.perf_counter(), time.process_time()
if sys.argv[2].startswith("clusters"):
    size = len(quotextract.clusters(quotes))
else:
    size = len(quotextract.report(quotes).save(sys.argv[3]).read_bytes())
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "size": size,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "quotes": len(quotes)}))
"""


def view(quotes: Path, name: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", VIEW, str(quotes), name, str(quotes.with_suffix(".html"))],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=Path, default=Path("/tmp/quotextract-bench-quotes.parquet"))
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    if not args.quotes.exists():
        subprocess.run(
            [
                Path(sys.executable).with_name("quotextract"),
                "extract",
                BENCH,
                "-o",
                args.quotes,
                "--keep-columns",
                "source",
                "--jobs",
                "2",
                "-q",
            ],
            check=True,
        )
    for name in ("clusters", "clusters x10", "report"):
        found = view(args.quotes, name)
        print(
            f"{name}: {found['quotes']} quotations, {found['wall']:.2f} s wall, {found['cpu']:.2f} s CPU, "
            f"peak RSS {found['rss_mb']:.0f} MB ({'bytes' if name == 'report' else 'clusters'}: {found['size']})"
        )
    if args.gold.is_dir():
        result = gender_accuracy(args.gold, read_names())
        print("gender:", json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
