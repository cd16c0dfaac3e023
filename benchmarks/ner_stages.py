"""CPU time of each stage of the NER engine over a corpus's lines, a first and a second pass.

    python benchmarks/ner_stages.py [--corpus FILE.jsonl.gz] [--limit N] [--chunk 8] [--passes 2]

The lines of each chunk of documents (as the pipeline cuts them: ``paragraphs(normalize(text))``,
8 documents a chunk like ``extract_many``) go through ``nerinfer.network().tag`` in one fresh
process; each stage's methods are wrapped to add up their CPU time (``time.process_time``):
tokens and input codes of new lines (``_lines``), first-layer rows (``rows``: the table lookup and
the product for new input codes), the encoder (``hidden``), the CRF (``_viterbi``), spans and
offsets (``_spans``). The first pass meets every word for the first time; the second shows what
the caches save. The cyclic garbage collector is off, as it is all but off in the pipeline
(``collector``). Not part of the test suite: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path

from benchmark import DEFAULT_CORPUS, texts_of

from quotextract import encoder, nerinfer
from quotextract.batch import WARMUP
from quotextract.normalize import normalize
from quotextract.segment import paragraphs

STAGES = [  # (class, method, stage)
    (nerinfer.NerNetwork, "_lines", "tokens, codes"),
    (encoder.PackedEncoder, "rows", "first-layer rows"),
    (encoder.PackedEncoder, "hidden", "encoder"),
    (nerinfer.NerNetwork, "_viterbi", "viterbi"),
    (nerinfer.NerNetwork, "_spans", "spans"),
]


def timed(spent: dict, stage: str, method):
    @wraps(method)
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[stage] += time.process_time() - start

    return run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) with a text field")
    parser.add_argument("--limit", type=int, help="only the first N texts")
    parser.add_argument("--chunk", type=int, default=8, help="documents whose lines are tagged in one call")
    parser.add_argument("--passes", type=int, default=2)
    options = parser.parse_args()
    documents = [
        [p.text for p in paragraphs(normalize(text))]
        for text in texts_of(options.corpus, None, options.limit)
    ]
    chunks = [sum(documents[i : i + options.chunk], []) for i in range(0, len(documents), options.chunk)]
    network = nerinfer.network()
    network.tag([WARMUP])
    spent: dict[str, float] = defaultdict(float)
    for cls, name, stage in STAGES:
        setattr(cls, name, timed(spent, stage, getattr(cls, name)))
    gc.disable()
    lines, load = sum(map(len, documents)), os.getloadavg()[0]
    print(f"{lines} lines of {len(documents)} documents; load average {load:.2f}")
    print("| pass | total | " + " | ".join(stage for _, _, stage in STAGES) + " | other |")
    print("|---" * (len(STAGES) + 3) + "|")
    for number in range(1, options.passes + 1):
        spent.clear()
        start = time.process_time()
        for chunk in chunks:
            network.tag(chunk)
        total = time.process_time() - start
        stages = [spent[stage] for _, _, stage in STAGES]
        print(
            f"| {number} | {total:.3f} | "
            + " | ".join(f"{s:.3f}" for s in stages)
            + f" | {total - sum(stages):.3f} |"
        )
    print(f"first-layer rows computed: {network.encoder.computed}; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
