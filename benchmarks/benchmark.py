"""Throughput and memory of quotextract (1 and 2 jobs) against natasha's full pipeline.

    python benchmarks/benchmark.py [--corpus FILE.jsonl.gz | --texts DIR] [--limit N] [--repeat N] [--no-cli]

Every measurement runs in a fresh Python process on the same texts (default: the 1,148 distinct
articles of ../shared/bench/news.jsonl.gz), with its models loaded before the clock starts, so
model load time and peak RSS (VmHWM) belong to that measurement alone. Prints markdown tables:
documents and MB per second of wall time and per CPU second (the fair figure on a shared
machine), the BLAS library and kernel, and the load average before and after, with a warning
when the machine was busy. ``--repeat N`` measures natasha and quotextract (1 job) N times each,
in turns, and reports the run of median CPU time of each and the ratio of every turn: on a shared
machine one run's ratio can be off by a fifth. Not part of the test suite: timings depend on the
machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "bench" / "news.jsonl.gz"
BUSY = 0.5  # load average per core above which timings are not to be trusted


def texts_of(corpus: Path | None, folder: Path | None, limit: int | None) -> list[str]:
    if folder is not None:
        texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    else:
        opener = gzip.open if corpus.suffix == ".gz" else open  # JSONL, gzipped or not
        with opener(corpus, "rt", encoding="utf-8") as file:
            texts = [json.loads(line)["text"] for line in file]
    if not texts:
        sys.exit("no texts")
    return texts[:limit] if limit else texts


def vmhwm_mb() -> float:
    """Peak resident set size of this process, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _worker_state(pause: float) -> tuple[int, float, float]:
    time.sleep(pause)  # keeps this worker busy so that the next probe goes to another one
    return os.getpid(), time.process_time(), vmhwm_mb()


# Measurements, each run in a child process: python benchmark.py --measure NAME ...


def measure_natasha(texts: list[str]) -> dict:
    """natasha's own pipeline, its BLAS held at one thread like quotextract's (more threads only
    spin on these small products, and would double its CPU time)."""
    start = time.perf_counter()
    import numpy  # noqa: F401  (loads BLAS, so that threadpoolctl can limit it)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    import yargy  # noqa: F401  (applies natasha's pymorphy2 hotfix on Python 3.11)
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    segmenter, morph, syntax, ner = (
        Segmenter(),
        NewsMorphTagger(embedding),
        NewsSyntaxParser(embedding),
        NewsNERTagger(embedding),
    )
    load = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"load": load, "seconds": seconds, "cpu": cpu, "rss": vmhwm_mb()}


def measure_quotextract(texts: list[str], jobs: int) -> dict:
    start = time.perf_counter()
    from quotextract.batch import WARMUP, extract_many, worker_pool
    from quotextract.pipeline import default_extractor

    if jobs == 1:
        default_extractor()(WARMUP)
        load = time.perf_counter() - start
        start, cpu = time.perf_counter(), time.process_time()
        extract_many(texts, progress=False)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        return {"load": load, "seconds": seconds, "cpu": cpu, "rss": vmhwm_mb()}
    with worker_pool(jobs) as pool:
        extract_many(texts[: 2 * jobs], pool=pool, chunksize=1, progress=False)  # every worker is up
        load = time.perf_counter() - start
        before = dict((pid, cpu) for pid, cpu, _ in pool.map(_worker_state, [0.5] * jobs))
        start, cpu = time.perf_counter(), time.process_time()
        extract_many(texts, pool=pool, progress=False)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        after = {pid: (cpu, peak) for pid, cpu, peak in pool.map(_worker_state, [0.5] * jobs)}
    workers = sum(after[pid][0] - before.get(pid, 0.0) for pid in after)
    return {
        "load": load,
        "seconds": seconds,
        "cpu": cpu + workers,
        "rss": max(peak for _, peak in after.values()),
        "main_rss": vmhwm_mb(),
        "workers": len(after),
    }


def measure_cli(dump: Path, out: Path) -> dict:
    """Peak RSS of one `quotextract extract` process (this process exists only to wait for it)."""
    command = [sys.executable, "-m", "quotextract", "extract", str(dump), "-o", str(out / "q.parquet")]
    command += ["--docs", str(out / "d.jsonl"), "--quiet"]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_run(runs: list[dict]) -> dict:
    """The run of median CPU time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda run: run["cpu"])[(len(runs) - 1) // 2]


def write_dump(path: Path, texts: list[str], times: int) -> Path:
    """``texts`` repeated ``times`` as JSONL, each copy with new ids."""
    with open(path, "w", encoding="utf-8") as file:
        for copy in range(times):
            for number, text in enumerate(texts):
                file.write(json.dumps({"id": f"{copy}-{number}", "text": text}, ensure_ascii=False) + "\n")
    return path


def row(name: str, result: dict, docs: int, megabytes: float, base: dict | None) -> str:
    rate, cpu_rate = docs / result["seconds"], docs / result["cpu"]
    ratio = f"{rate * base['seconds'] / docs:.1f}x" if base else "1.0x"
    cpu_ratio = f"{cpu_rate * base['cpu'] / docs:.1f}x" if base else "1.0x"
    return (
        f"| {name} | {rate:.1f} | {megabytes / result['seconds']:.2f} | {ratio} "
        f"| {cpu_rate:.1f} | {cpu_ratio} | {result['load']:.1f} | {result['rss']:.0f} |"
    )


def blas() -> str:
    """The BLAS library numpy runs on, its kernel and its default number of threads."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    found = [
        f"{info['internal_api']} {info.get('version') or ''} ({info.get('architecture') or '?'} kernel, "
        f"{info['num_threads']} threads by default)"
        for info in threadpool_info()
        if info["user_api"] == "blas"
    ]
    return ", ".join(found) or "none found"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) with a text field")
    parser.add_argument("--texts", type=Path, help="a folder of .txt articles instead of --corpus")
    parser.add_argument("--limit", type=int, help="only the first N texts")
    parser.add_argument("--repeat", type=int, default=1, help="turns of natasha and 1 job (medians reported)")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI memory measurement")
    parser.add_argument("--no-natasha", action="store_true", help="skip natasha (ratios then absent)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    texts = texts_of(options.corpus, options.texts, options.limit)
    common = ["--corpus", str(options.corpus), *(["--texts", str(options.texts)] if options.texts else [])]
    common += ["--limit", str(options.limit)] if options.limit else []

    if options.measure:
        measures = {
            "natasha": lambda: measure_natasha(texts),
            "quotextract-1": lambda: measure_quotextract(texts, 1),
            "quotextract-2": lambda: measure_quotextract(texts, 2),
            "cli": lambda: measure_cli(options.dump, options.out),
        }
        print(json.dumps(measures[options.measure]()))
        return

    docs, megabytes = len(texts), sum(len(text.encode("utf-8")) for text in texts) / 1e6
    cores = os.cpu_count() or 1
    started = os.getloadavg()[0]
    print(f"{docs} documents ({options.texts or options.corpus}), {megabytes:.2f} MB of UTF-8 text")
    print(f"BLAS: {blas()}; every measurement holds it at 1 thread per process")
    print(f"{cores} cores; load average before: {load_average()}\n")
    natashas, ones = [], []
    for _ in range(max(1, options.repeat)):  # in turns, so that a busy spell weighs on both
        if not options.no_natasha:
            natashas.append(child("--measure", "natasha", *common))
        ones.append(child("--measure", "quotextract-1", *common))
    natasha, one = (median_run(natashas) if natashas else None), median_run(ones)
    two = child("--measure", "quotextract-2", *common)
    print(
        "| pipeline | docs/s | MB/s | vs natasha | docs per CPU s | vs natasha, CPU | model load, s | peak RSS per process, MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    if natasha:
        print(row("natasha (segment, morph, syntax, NER)", natasha, docs, megabytes, None))
    print(row("quotextract, 1 job", one, docs, megabytes, natasha))
    print(row(f"quotextract, 2 jobs ({two['workers']} workers)", two, docs, megabytes, natasha))
    if len(ones) > 1:
        print(f"\nruns of median CPU time of {len(ones)} turns; each turn's 1 job vs natasha, CPU: ", end="")
        print(" ".join(f"{n['cpu'] / o['cpu']:.1f}x" for n, o in zip(natashas, ones)) if natashas else "-")
    print(f"\nmain process of the 2-job run: {two['main_rss']:.0f} MB peak RSS")
    print(f"2 jobs / 1 job: {one['seconds'] / two['seconds']:.2f}x in wall time")

    if not options.no_cli:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            small = write_dump(folder / "x1.jsonl", texts, 1)
            large = write_dump(folder / "x10.jsonl", texts, 10)
            cli_small = child("--measure", "cli", "--dump", str(small), "--out", str(folder), *common)
            cli_large = child("--measure", "cli", "--dump", str(large), "--out", str(folder), *common)
        growth = cli_large["rss"] / cli_small["rss"] - 1
        print("\n| CLI run (1 job) | documents | seconds | peak RSS, MB |")
        print("|---|---:|---:|---:|")
        print(f"| corpus | {docs} | {cli_small['seconds']:.1f} | {cli_small['rss']:.0f} |")
        print(f"| corpus x10, new ids | {10 * docs} | {cli_large['seconds']:.1f} | {cli_large['rss']:.0f} |")
        print(f"\nCLI peak RSS growth from x1 to x10: {growth:+.1%}")

    ended = os.getloadavg()[0]
    print(f"\nload average after: {load_average()}")
    if max(started, ended) > BUSY * cores:
        print(
            f"WARNING: the machine was busy (load {max(started, ended):.1f} on {cores} cores): wall-time "
            "figures and the 2-job ratio are not reliable; compare the per-CPU-second columns"
        )


if __name__ == "__main__":
    main()
