"""The generator's Jinja templates compiled once and kept in the content cache for later builds.

Jinja compiles a template to Python the first time a process uses it, which cost a warm build
about a tenth of a second. The compiled code is kept as a cache entry (cache.py), under the
template's name, its source's checksum (Jinja's own) and the code that sets up the environments
(their options change the code a template compiles to), and read back by the next build. The
output does not change: the same source under the same options compiles to the same code.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from ..render import environment as markdown_templates
from ..render.print_edition import document as print_templates
from .cache import Cache
from .versions import digest, installed_packages


class TemplateCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache over the content cache: read at once, written when the build succeeded.
    `options` names what else decides the compiled code of an environment that is not ours."""

    def __init__(self, cache: Cache, options: str = "") -> None:
        self.cache = cache
        self.options = options

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.cache.kept("jinja", self._parts(bucket))
        if kept is not None:
            bucket.bytecode_from_string(kept)  # Jinja drops it if its magic or checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.cache.keep("jinja", self._parts(bucket), bucket.bytecode_to_string())

    def _parts(self, bucket: Bucket) -> list[str]:
        return [_code(), self.options, bucket.key, bucket.checksum]


def use_cache(cache: Cache | None) -> None:
    """Templates not compiled yet in this process are read from `cache`, or compiled and kept there."""
    bytecode = None if cache is None else TemplateCache(cache)
    for environment in (markdown_templates.environment(), print_templates.template_environment()):
        environment.bytecode_cache = bytecode


def theme_cache(cache: Cache, environment: jinja2.Environment) -> TemplateCache:
    """The bytecode cache for the theme's templates (Material's and the overrides), which MkDocs
    compiles anew on every build and every preview: its options are the environment's own and
    the installed packages (MkDocs and Material among them)."""
    options = repr([sorted(environment.extensions), environment.autoescape, *installed_packages()])
    return TemplateCache(cache, options)


@functools.cache
def _code() -> str:
    """Jinja's version (as its metadata folder names it) and the code that sets up our environments."""
    jinja = [package for package in installed_packages() if package.lower().startswith("jinja2-")]
    return digest(jinja, [Path(markdown_templates.__file__), Path(print_templates.__file__)])
