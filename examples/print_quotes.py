"""Print the quotations of the bundled example article (or of any article given as an argument).

Each quotation once: headline and lead copies of a later quotation (``is_repeat``) are left
out unless ``--repeats`` is given.
"""

import sys
from pathlib import Path

import quotextract

args = sys.argv[1:]
show_repeats = "--repeats" in args
paths = [arg for arg in args if arg != "--repeats"]
path = Path(paths[0]) if paths else Path(__file__).with_name("caravan-tokayev-2022.txt")
with open(path, encoding="utf-8", newline="") as file:  # keep CRLF: offsets index the file
    text = file.read()
quotes = quotextract.extract(text)
shown = quotes if show_repeats else quotes[~quotes["is_repeat"]]

hidden = len(quotes) - len(shown)
print(f"{path.name}: {len(shown)} quotations" + (f" ({hidden} repeats left out: --repeats)" if hidden else ""))
print()
for row in shown.itertuples():
    speaker = row.speaker if isinstance(row.speaker, str) else f"(unnamed: {row.speaker_mention})"
    cue = row.cue if isinstance(row.cue, str) else "no cue"
    repeat = ", repeat" if row.is_repeat else ""
    print(f"[{row.kind}, {cue}, rule {row.rule}{repeat}] {speaker}")
    print(f"    «{row.quote}»  @{row.quote_start}:{row.quote_end}\n")
