"""Print the quotations of the bundled example article (or of any article given as an argument)."""

import sys
from pathlib import Path

import quotextract

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("caravan-tokayev-2022.txt")
with open(path, encoding="utf-8", newline="") as file:  # keep CRLF: offsets index the file
    text = file.read()
quotes = quotextract.extract(text)

print(f"{path.name}: {len(quotes)} quotations\n")
for row in quotes.itertuples():
    speaker = row.speaker if isinstance(row.speaker, str) else f"(unnamed: {row.speaker_mention})"
    cue = row.cue if isinstance(row.cue, str) else "-"
    print(f"[{row.kind}, {cue}] {speaker}")
    print(f"    «{row.quote}»  @{row.quote_start}:{row.quote_end}\n")
