"""The casebook through the real CLI, as the project is scored: the letter case in full, 85% overall."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import CASES, ROOT

TOOL = CASES.parent / "tools" / "casebook.py"


@pytest.mark.skipif(not TOOL.is_file(), reason="the shared casebook tool is not beside this checkout")
def test_casebook_and_our_cases():
    cmd = f"{sys.executable} -m onrecord.cli check"
    p = subprocess.run([sys.executable, str(TOOL), "--cmd", cmd, "--verbose", str(CASES), str(ROOT / "bench" / "cases")],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    letter = re.search(r"^letter: (\d+)/(\d+)", p.stdout, re.M)
    assert letter and letter.group(1) == letter.group(2), p.stdout
    met, total = map(int, re.search(r"casebook: (\d+)/(\d+)", p.stdout).groups())
    assert met / total >= 0.85, p.stdout


def test_bundled_example_is_the_letter_case():
    import yaml

    if not (CASES / "001-letter.yaml").is_file():
        pytest.skip("the shared casebook is not beside this checkout")
    case = yaml.safe_load((CASES / "001-letter.yaml").read_text(encoding="utf-8"))
    assert (ROOT / "examples" / "letter.txt").read_text(encoding="utf-8") == case["sources"][0]["text"]
    assert (ROOT / "examples" / "article.txt").read_text(encoding="utf-8") == case["text"]
