"""pyqtgraph, imported without the CUDA bindings it does not need here.

pyqtgraph's ``RawImageWidget`` imports cuda-python's runtime bindings at import time for a CUDA/OpenGL video path
ConvLens never uses; with the CUDA build of torch installed those bindings are present and cost 0.1-0.13 s of the
main window's start here (they look for NVIDIA's driver libraries). While pyqtgraph imports, that one module reads
as absent (pyqtgraph then leaves its CUDA path off, as on a machine without it); afterwards it imports normally for
anything that wants it. Every GUI module takes pyqtgraph from here (``from convlens.gui.pyqtgraph_start import pg``).
"""

from __future__ import annotations

import sys

_BLOCKED = "cuda.bindings.runtime"
_absent = _BLOCKED not in sys.modules
if _absent:
    sys.modules[_BLOCKED] = None  # type: ignore[assignment]  # "import fails" for the length of pyqtgraph's import
try:
    import pyqtgraph as pg
finally:
    if _absent and sys.modules.get(_BLOCKED, 0) is None:
        del sys.modules[_BLOCKED]

__all__ = ["pg"]
