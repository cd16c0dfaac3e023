"""Character classes of scraped Russian text: dashes, quote marks, sentence punctuation."""

DASHES = "—–―‒−-"
OPEN_QUOTES = "«„"
CLOSE_QUOTES = "»"
AMBIGUOUS_QUOTES = "\"“”"  # direction decided by context
QUOTES = OPEN_QUOTES + CLOSE_QUOTES + AMBIGUOUS_QUOTES
SENTENCE_END = ".!?…"
QUOTE_END = ",!?…."  # punctuation that closes a quotation before its attribution
