"""examples/print_quotes.py as a newcomer runs it: each quotation once, with the rule that fired."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "examples" / "print_quotes.py"
HEADLINE = "«Партии нужна новая культура взаимоотношений, основанная на доверии и сотрудничестве»"


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, check=True)
    return done.stdout


def test_each_quotation_once_with_its_rule():
    output = run()
    assert output.count(HEADLINE) == 1
    assert "repeats left out: --repeats)" in output
    assert "rule dash_dialogue" in output and "rule according_to" in output


def test_repeats_on_request():
    output = run("--repeats")
    assert output.count(HEADLINE) == 4
    assert output.count(", repeat]") == 3
