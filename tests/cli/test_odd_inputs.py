"""The ``convlens`` command's side of odd inputs (the engine's is in tests/engine/test_odd_inputs.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="peak memory is read from Linux's /proc")
def test_cli_classifies_the_corpus_with_messages_and_bounded_memory(corpus, mobilenet_file: Path) -> None:
    folder, expected = corpus
    # The CLI in a child that reports its own peak resident memory on the way out: VmHWM of its own
    # address space (ru_maxrss would carry over the forking pytest process's high-water mark across exec).
    launcher = ("import re, sys\nfrom convlens.gui.main import main\nrc = main(sys.argv[1:])\n"
                "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
                "print('PEAK_RSS_KB', hwm, file=sys.stderr)\nsys.exit(rc)")
    run = subprocess.run([sys.executable, "-c", launcher, "classify", str(folder), "--arch", "mobilenet_v2",
                          "--weights", str(mobilenet_file), "--topk", "1"],
                         capture_output=True, text=True, timeout=600)
    peak_kb = int(run.stderr.split("PEAK_RSS_KB", 1)[1].split()[0])
    assert run.returncode == 1  # some files are broken: non-zero exit
    assert "Traceback" not in run.stderr
    for name, expect in expected.items():
        if name == "dangling_link.jpg":
            continue  # not a file: a folder scan does not list it
        block = run.stdout.split(str(folder / name) + "\n", 1)[1].split("\n/", 1)[0]
        if expect is None:
            assert block.lstrip().startswith("1. "), (name, block)
        else:
            assert "error: " + name in block and re.search(expect, block), (name, block)
    print(f"corpus through convlens classify: peak RSS {peak_kb / 1024:.0f} MB")
    assert peak_kb < 3 * 1024 * 1024, f"peak RSS {peak_kb / 1024:.0f} MB"
