"""Run speechkit from a checkout: ``python cli.py draft examples/qinglan_city.yaml``."""

from speechkit.cli import cli

if __name__ == "__main__":
    cli()
