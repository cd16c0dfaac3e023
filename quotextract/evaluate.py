"""Evaluation against gold annotations (placeholder, to be written)."""


def evaluate(gold_dir, extractor=None):
    raise NotImplementedError
