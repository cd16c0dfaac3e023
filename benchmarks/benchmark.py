"""Throughput and memory of quotextract (1 and 2 jobs) against natasha's full pipeline.

    python benchmarks/benchmark.py [--texts DIR] [--repeat N] [--no-cli]

Every measurement runs in a fresh Python process on the same texts (the .txt files of DIR,
repeated N times), so model load time and peak RSS (VmHWM) belong to that measurement alone.
Prints a markdown table. Not part of the test suite: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def texts_of(folder: Path, repeat: int) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {folder}")
    return texts * repeat


def vmhwm_mb() -> float:
    """Peak resident set size of this process, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _worker_peak(pause: float) -> tuple[int, float]:
    import os

    time.sleep(pause)  # keeps this worker busy so that the next probe goes to another one
    return os.getpid(), vmhwm_mb()


# Measurements, each run in a child process: python benchmark.py --measure NAME ...


def measure_natasha(texts: list[str]) -> dict:
    start = time.perf_counter()
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
    start = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
    return {"load": load, "seconds": time.perf_counter() - start, "rss": vmhwm_mb()}


def measure_quotextract(texts: list[str], jobs: int) -> dict:
    start = time.perf_counter()
    from quotextract.batch import WARMUP, extract_many, worker_pool
    from quotextract.pipeline import default_extractor

    if jobs == 1:
        default_extractor()(WARMUP)
        load = time.perf_counter() - start
        start = time.perf_counter()
        extract_many(texts, progress=False)
        return {"load": load, "seconds": time.perf_counter() - start, "rss": vmhwm_mb()}
    with worker_pool(jobs) as pool:
        extract_many(texts[: 2 * jobs], pool=pool, chunksize=1, progress=False)  # every worker is up
        load = time.perf_counter() - start
        start = time.perf_counter()
        extract_many(texts, pool=pool, progress=False)
        seconds = time.perf_counter() - start
        peaks = dict(pool.map(_worker_peak, [0.5] * jobs))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "load": load,
        "seconds": seconds,
        "rss": max(max(peaks.values()), children),
        "main_rss": vmhwm_mb(),
    }


def measure_cli(dump: Path, out: Path) -> dict:
    """Peak RSS of one `quotextract extract` process (this process exists only to wait for it)."""
    command = [
        sys.executable,
        "-m",
        "quotextract",
        "extract",
        str(dump),
        "-o",
        str(out / "q.parquet"),
        "--docs",
        str(out / "d.jsonl"),
        "--quiet",
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def write_dump(path: Path, texts: list[str], times: int) -> Path:
    with open(path, "w", encoding="utf-8") as file:
        for copy in range(times):
            for number, text in enumerate(texts):
                file.write(json.dumps({"id": f"{copy}-{number}", "text": text}, ensure_ascii=False) + "\n")
    return path


def row(name: str, result: dict, docs: int, megabytes: float, base: float | None) -> str:
    rate = docs / result["seconds"]
    ratio = f"{rate / base:.1f}x" if base else "1.0x"
    return (
        f"| {name} | {rate:.1f} | {megabytes / result['seconds']:.2f} | {ratio} "
        f"| {result.get('load', float('nan')):.1f} | {result['rss']:.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=5, help="times the texts are repeated")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI memory measurement")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.measure:
        texts = texts_of(options.texts, options.repeat)
        measures = {
            "natasha": lambda: measure_natasha(texts),
            "quotextract-1": lambda: measure_quotextract(texts, 1),
            "quotextract-2": lambda: measure_quotextract(texts, 2),
            "cli": lambda: measure_cli(options.dump, options.out),
        }
        print(json.dumps(measures[options.measure]()))
        return

    texts = texts_of(options.texts, options.repeat)
    docs, megabytes = len(texts), sum(len(text.encode("utf-8")) for text in texts) / 1e6
    common = ["--texts", str(options.texts), "--repeat", str(options.repeat)]
    natasha = child("--measure", "natasha", *common)
    one = child("--measure", "quotextract-1", *common)
    two = child("--measure", "quotextract-2", *common)
    base = docs / natasha["seconds"]
    print(f"{docs} documents ({options.texts}, x{options.repeat}), {megabytes:.2f} MB of UTF-8 text\n")
    print("| pipeline | docs/s | MB/s | vs natasha | model load, s | peak RSS per process, MB |")
    print("|---|---:|---:|---:|---:|---:|")
    print(row("natasha (segment, morph, syntax, NER)", natasha, docs, megabytes, None))
    print(row("quotextract, 1 job", one, docs, megabytes, base))
    print(row("quotextract, 2 jobs", two, docs, megabytes, base) + f" (main process {two['main_rss']:.0f})")
    print(f"\n2 jobs / 1 job: {one['seconds'] / two['seconds']:.2f}x")

    if not options.no_cli:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            unique = texts_of(options.texts, 1)
            small, large = (
                write_dump(folder / "x1.jsonl", unique, 1),
                write_dump(folder / "x10.jsonl", unique, 10),
            )
            cli_small = child("--measure", "cli", "--dump", str(small), "--out", str(folder), *common)
            cli_large = child("--measure", "cli", "--dump", str(large), "--out", str(folder), *common)
        growth = cli_large["rss"] / cli_small["rss"] - 1
        print("\n| CLI run (1 job) | documents | seconds | peak RSS, MB |")
        print("|---|---:|---:|---:|")
        print(f"| dump x1 | {len(unique)} | {cli_small['seconds']:.1f} | {cli_small['rss']:.0f} |")
        print(f"| dump x10 | {10 * len(unique)} | {cli_large['seconds']:.1f} | {cli_large['rss']:.0f} |")
        print(f"\nCLI peak RSS growth from x1 to x10: {growth:+.1%}")


if __name__ == "__main__":
    main()
