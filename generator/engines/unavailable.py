"""The one exception an engine raises for an editor to read, in a module that imports nothing:
cli.py catches it for every command, and `check` must not load WeasyPrint to do so."""


class PdfUnavailable(Exception):
    """No PDF could be made: the engine or its fonts are missing, or the document asked for
    something from the network. The message says what to do, in Swedish."""
