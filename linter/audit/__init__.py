"""The archive audit (``copydesk audit``): the same rules and judgement as ``check`` over
years of stories, on local processes or a Dask cluster, into ``findings.parquet``,
``summary.parquet`` and ``report.html``.

:mod:`.stories` checks each record at the boundary; :mod:`.sources` plans the partitions
of an archive (JSON Lines, Parquet, a folder of drafts) and reads their stories;
:mod:`.task` audits one partition (what every engine runs); :mod:`.engines` runs the
partitions on local processes or Dask; :mod:`.driver` resumes, runs and writes the outputs
whole; :mod:`.tables` holds the columns (the one module importing pyarrow).

Needs the optional packages of ``copydesk[audit]`` (:data:`NEEDS`); the command line
checks for them before importing anything here but this module.
"""

from __future__ import annotations

import importlib.util

# import name -> the package that provides it
NEEDS = {"pyarrow": "pyarrow", "dask": "dask", "distributed": "distributed", "matplotlib": "matplotlib"}


def missing() -> list[str]:
    """The packages of the audit extra that are not installed."""
    return [package for module, package in NEEDS.items() if importlib.util.find_spec(module) is None]
