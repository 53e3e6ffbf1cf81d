"""Root pytest hooks, for the tests and the package's doctests alike.

Tests and doctests that draw charts need matplotlib (the ``plot`` extra). Without it they are
skipped with the reason shown, not failed: a plain ``pip install .`` has no matplotlib, and
what it would test is a missing optional dependency, which
``tests/render/test_plot_missing.py`` checks on its own.
"""

from __future__ import annotations

import importlib.util

import pytest

#: Modules whose doctests draw or check charts.
_PLOT_MODULES = ("speechkit/render/plot.py", "speechkit/render/role_map.py")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "plot: needs matplotlib (skipped without it)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if importlib.util.find_spec("matplotlib") is not None:
        return
    skip = pytest.mark.skip(reason="needs matplotlib: pip install 'speechkit[plot]'")
    for item in items:
        doctest_of_plot = item.nodeid.split("::")[0].endswith(_PLOT_MODULES)
        if doctest_of_plot or item.get_closest_marker("plot") is not None:
            item.add_marker(skip)
