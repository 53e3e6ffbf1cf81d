from speechkit.cli import cli

cli()
