"""Every output row of the extractor over a corpus, for checking that a speed-up changes nothing.

    python benchmarks/golden.py OUT.tsv [--corpus FILE.jsonl.gz] [--limit N] [--profile STATS]

Writes one line per quotation, every column (``doc_id`` first), tab-separated, values as
``repr``; a document whose extraction failed writes its error. Run it before and after a change
and ``diff`` the two files: they must be identical. ``--profile`` also writes cProfile stats of
the run (read them with ``python -m pstats``). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import time
from pathlib import Path

from benchmark import DEFAULT_CORPUS, texts_of

from quotextract.batch import WARMUP, extract_many
from quotextract.pipeline import default_extractor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the TSV file to write")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) with a text field")
    parser.add_argument("--limit", type=int, help="only the first N texts")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the extraction here")
    options = parser.parse_args()
    texts = texts_of(options.corpus, None, options.limit)
    default_extractor()(WARMUP)
    profile = cProfile.Profile() if options.profile else None
    cpu = time.process_time()
    if profile:
        profile.enable()
    result = extract_many(texts, progress=False, documents=True)
    if profile:
        profile.disable()
        profile.dump_stats(options.profile)
    cpu = time.process_time() - cpu
    with open(options.out, "w", encoding="utf-8") as file:
        file.write("\t".join(result.quotes.columns) + "\n")
        for values in result.quotes.itertuples(index=False):
            file.write("\t".join(map(repr, values)) + "\n")
        for document in result.documents.itertuples(index=False):
            if document.status != "ok":
                file.write(f"# {document.doc_id} {document.status} {document.error!r}\n")
    print(f"{len(texts)} documents, {len(result.quotes)} quotations, {len(texts) / cpu:.1f} docs per CPU s")


if __name__ == "__main__":
    main()
