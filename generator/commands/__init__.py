"""The commands an editor runs, one module each. Every module has `run(args) -> int`; cli.py
parses the command line and calls it, importing only the command that was asked for."""
