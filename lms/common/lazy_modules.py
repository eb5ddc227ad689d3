"""Modules whose body runs on first attribute use instead of at import (issue 18, worker memory).

django-oauth-toolkit's models do `from jwcrypto import jwk` (an installed app's models: every
process imports them) and jwcrypto.jwk imports the `cryptography` package (~11 MiB a worker),
though only an OAuth token or OpenID request ever touches `jwk`. Deferred here with the
standard library's importlib.util.LazyLoader: `jwk` is a module object at once; its code runs,
and cryptography is imported, the first time an attribute of it is read. Only modules imported
as modules (`import x` / `from package import x`) gain anything; `from x import name` reads the
attribute at once and so loads x as before."""

import importlib.util
import sys
import threading
from importlib.abc import MetaPathFinder

DEFERRED = frozenset({"jwcrypto.jwk"})


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


def install() -> None:
    if not any(isinstance(finder, _DeferringFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DeferringFinder())
