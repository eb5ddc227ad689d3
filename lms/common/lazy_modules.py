"""Modules whose body runs on first attribute use instead of at import (issue 18, worker memory).

django-oauth-toolkit's models do `from jwcrypto import jwk` (an installed app's models: every
process imports them) and jwcrypto.jwk imports the `cryptography` package (~11 MiB a worker),
though only an OAuth token or OpenID request ever touches `jwk`. Deferred here with the
standard library's importlib.util.LazyLoader: `jwk` is a module object at once; its code runs,
and cryptography is imported, the first time an attribute of it is read. Only modules imported
as modules (`import x` / `from package import x`) gain anything; `from x import name` reads the
attribute at once and so loads x as before."""

import functools
import importlib
import importlib.util
import sys
import threading
import types
from importlib.abc import MetaPathFinder
from pathlib import Path

# jwcrypto.jwk: django-oauth-toolkit's models (cryptography). requests: wagtail.embeds' oEmbed
# finder, imported by the embeds app's ready() (requests, urllib3, charset_normalizer, idna).
# charset_normalizer: BeautifulSoup's encoding detector (bs4.dammit, `import charset_normalizer`;
# Wagtail's rich-text whitelist imports bs4), used only to guess the encoding of *bytes* given
# to BeautifulSoup — Wagtail always gives it text (~2.3 MiB a worker).
DEFERRED = frozenset({"jwcrypto.jwk", "requests", "charset_normalizer"})


class _DeferringFinder(MetaPathFinder):
    def __init__(self):
        self._finding = threading.local()

    def find_spec(self, name, path, target=None):
        # The other finders are asked for the real spec; one of them may ask the meta path in
        # turn (an import hook delegating the same way): answer nothing while asking.
        if name not in DEFERRED or getattr(self._finding, "active", False):
            return None
        self._finding.active = True
        try:
            spec = self._real_spec(name, path, target)
        finally:
            self._finding.active = False
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec

    def _real_spec(self, name, path, target):
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    return spec
        return None


def load_shadowed(name: str) -> types.ModuleType:
    """The real module `name` whose own name holds a stand-in: its file executed once as
    `<name>_deferred` in the same package (relative imports work)."""
    alias = f"{name}_deferred"
    if alias not in sys.modules:
        package, _, leaf = name.rpartition(".")
        package_file = importlib.import_module(package).__file__
        assert package_file is not None
        spec = importlib.util.spec_from_file_location(
            alias, Path(package_file).with_name(f"{leaf}.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[alias] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[alias]
            raise
    return sys.modules[alias]


class DeferredLibrary:
    """A template tag library's `register`, loading the real module when a template first
    `{% load %}`s it. Django's template engine imports every installed app's templatetags
    modules when it starts (the first page render); DRF's (for its browsable API pages) imports
    DRF's renderers, serializers, requests and pygments (~15 MiB a worker)."""

    def __init__(self, module: str):
        self.module = module

    @property
    def tags(self):
        return load_shadowed(self.module).register.tags

    @property
    def filters(self):
        return load_shadowed(self.module).register.filters


DEFERRED_TEMPLATE_LIBRARIES = ("rest_framework.templatetags.rest_framework",)


def _real_attribute(module: str, attribute: str):
    if attribute.startswith("__"):
        raise AttributeError(attribute)
    return getattr(load_shadowed(module), attribute)


def install() -> None:
    if not any(isinstance(finder, _DeferringFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DeferringFinder())
    for name in DEFERRED_TEMPLATE_LIBRARIES:
        if name not in sys.modules:
            module = types.ModuleType(name, f"Stand-in: {__name__}")
            module.__dict__["register"] = DeferredLibrary(name)
            # Its other names (DRF's own modules import helpers from it) load the real one.
            module.__dict__["__getattr__"] = functools.partial(_real_attribute, name)
            sys.modules[name] = module
