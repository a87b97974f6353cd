"""The self-test (as the frozen app runs it) and the Linux desktop registration."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_self_test_passes_from_the_source_tree() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "convlens.gui.main", "--self-test"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    line = run.stdout.strip().splitlines()[-1]
    assert line.startswith("self-test ok (source)") and "features.1" in line


def test_build_spec_names_the_app_and_collects_what_torchvision_needs() -> None:
    spec = (ROOT / "build.spec").read_text()
    assert 'name="ConvLens"' in spec and 'collect_dynamic_libs("torchvision")' in spec
    assert '"resources"' in spec and "BUNDLE(" in spec and "console=" in spec


def test_install_script_registers_a_desktop_entry(tmp_path: Path) -> None:
    app = tmp_path / "ConvLens"
    app.mkdir()
    exe = app / "ConvLens"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    run = subprocess.run([str(ROOT / "packaging" / "linux" / "install.sh"), str(app)], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    desktop = (data / "applications" / "convlens.desktop").read_text()
    assert f'Exec="{app}/ConvLens" %F' in desktop and "Icon=convlens" in desktop
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "convlens.png").is_file()
    missing = subprocess.run([str(ROOT / "packaging" / "linux" / "install.sh"), str(tmp_path / "nothing")],
                             env=env, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and "make package" in missing.stderr
    gone = subprocess.run([str(ROOT / "packaging" / "linux" / "install.sh"), "--uninstall"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert gone.returncode == 0 and not (data / "applications" / "convlens.desktop").exists()
