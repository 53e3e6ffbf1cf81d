"""``speechkit serve``: a local workbench in the browser (起草 and 语料 pages, JSON API).

Needs the ``serve`` extra (``pip install 'speechkit[serve]'``): Starlette and uvicorn.
"""

from speechkit.serve.server import run

__all__ = ["run"]
