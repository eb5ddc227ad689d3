#!/usr/bin/env python
"""Which of Wagtail's admin strings still have no Vietnamese (issue 19 item 9).

Takes the msgids of Wagtail's English-source catalogues (``<app>/locale/en/LC_MESSAGES`` inside
the installed ``wagtail`` package) for the apps authors meet, and reports those that have a
Vietnamese translation neither in any of Wagtail's own ``vi`` catalogues (Django merges every
app's catalogue of a domain, so a string translated by one app counts for all) nor in the
project's ``locale/vi`` (which overrides Wagtail's: LOCALE_PATHS come first). Both the ``django``
and the ``djangojs`` domain (StreamField, Draftail, comments, sidebar). Stdlib only.

Each string is classed "authors" or "superusers" from the source references of the English
catalogue: strings referenced only from screens of users, groups, sites, settings, workflow and
task configuration, redirects, search promotions, the styleguide, etc. are "superusers".

    .venv/bin/python scripts/wagtail_vi_gaps.py            # counts per app and domain
    .venv/bin/python scripts/wagtail_vi_gaps.py --list     # + the remaining msgids (authors')
    .venv/bin/python scripts/wagtail_vi_gaps.py --list --all        # + the superusers' too
    .venv/bin/python scripts/wagtail_vi_gaps.py --po djangojs       # untranslated as .po entries
    .venv/bin/python scripts/wagtail_vi_gaps.py --check    # placeholders of locale/vi match

``--check`` compares the placeholders (``%(name)s``, ``%s``, ``{name}``) and HTML tags of every
msgstr in the project's locale/vi with its msgid (``msgid_plural`` for plural entries: Vietnamese
has one form, used for every count), also for entries msgfmt does not check (no python-format
flag), and exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_VI = ROOT / "locale" / "vi" / "LC_MESSAGES"

# "" is Wagtail's core (wagtail/locale): page, revision, workflow-state and locale model strings.
APPS = [
    "", "admin", "images", "documents", "snippets", "embeds", "contrib/table_block",
    "contrib/typed_table_block", "search", "locales", "sites",
    # also installed in HọcMở (lms/settings/base.py): form pages' submissions, users, redirects
    "contrib/forms", "users", "contrib/redirects",
]
DOMAINS = ["django", "djangojs"]

# Source paths (in the English catalogue's "#:" references) of screens only superusers see. The
# workflow models' strings (states: "In progress", "Needs changes"…) are authors'; the users app's
# account fields (notifications, theme, language) count as superusers' (a coarse, per-path split).
SUPERUSER_PATHS = re.compile(
    r"(^|/)(users|groups|sites|settings|redirects|searchpromotions|styleguide|(?<!models/)workflows|"
    r"locales|task_chooser|wagtailusers|wagtailsites|wagtailredirects|"
    r"wagtailsearchpromotions|wagtailstyleguide|wagtaillocales|permission|collection_privacy|"
    r"collections|reports/site_history|reports/aging|management/commands|migrations|"
    r"checks\.py|apps\.py|tests?)(/|\.|_|$)"
)


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr.values())


def _unquote(s: str) -> str:
    return ast.literal_eval(s) if s.startswith('"') else ""


def parse_po(path: Path) -> list[Entry]:
    """A minimal .po reader: msgctxt, msgid, msgid_plural, msgstr[n], "#:" refs, fuzzy flag."""
    entries: list[Entry] = []
    cur = Entry()
    target: tuple[str, int | None] | None = None
    started = False

    def flush():
        nonlocal cur, started
        if started and cur.msgid:
            entries.append(cur)
        cur, started = Entry(), False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            target = None
            continue
        if line.startswith("#~"):
            continue  # obsolete
        if line.startswith("#"):
            if started and target and target[0] == "msgstr":
                flush()
            if line.startswith("#:"):
                cur.refs.extend(line[2:].split())
            elif line.startswith("#,") and "fuzzy" in line:
                cur.fuzzy = True
            continue
        m = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")$", line)
        if m:
            kw, idx, val = m.group(1), m.group(2), _unquote(m.group(3))
            if kw in ("msgctxt", "msgid") and started and target and target[0] == "msgstr":
                flush()
            started = True
            if kw.startswith("msgstr"):
                target = ("msgstr", int(idx) if idx is not None else 0)
                cur.msgstr[target[1]] = val
            else:
                target = (kw, None)
                setattr(cur, kw, val)
        elif line.startswith('"') and target:
            val = _unquote(line)
            if target[0] == "msgstr" and target[1] is not None:
                cur.msgstr[target[1]] += val
            else:
                setattr(cur, target[0], (getattr(cur, target[0]) or "") + val)
    flush()
    return entries


def wagtail_dir() -> Path:
    import wagtail

    return Path(wagtail.__file__).resolve().parent


def vietnamese_keys(domain: str) -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) with Vietnamese in any Wagtail vi catalogue or the project's locale/vi."""
    paths = list(wagtail_dir().glob(f"**/locale/vi/LC_MESSAGES/{domain}.po"))
    paths.append(PROJECT_VI / f"{domain}.po")
    keys: set[tuple[str | None, str]] = set()
    for p in paths:
        if p.exists():
            keys |= {e.key for e in parse_po(p) if e.translated}
    return keys


def is_superuser_only(entry: Entry, app: str) -> bool:
    refs = [f"{app or 'core'}/{r.rsplit(':', 1)[0]}" for r in entry.refs]
    return bool(refs) and all(SUPERUSER_PATHS.search(r) for r in refs)


def gaps():
    """Yield (app, domain, english entries, remaining entries)."""
    base = wagtail_dir()
    seen: set[tuple[str, tuple]] = set()  # a msgid shared by two apps is counted once
    for domain in DOMAINS:
        vi = vietnamese_keys(domain)
        for app in APPS:
            en = (base / app if app else base) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not en.exists():
                continue
            entries = []
            for e in parse_po(en):
                if (domain, e.key) in seen:
                    continue
                seen.add((domain, e.key))
                entries.append(e)
            yield app, domain, entries, [e for e in entries if e.key not in vi]


PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}|</?[a-zA-Z][^>]*>")


def check_placeholders() -> list[str]:
    problems = []
    for domain in DOMAINS:
        path = PROJECT_VI / f"{domain}.po"
        if not path.exists():
            continue
        for e in parse_po(path):
            source = PLACEHOLDER.findall(e.msgid_plural or e.msgid)
            allowed = set(source) | set(PLACEHOLDER.findall(e.msgid))
            for text in e.msgstr.values():
                got = PLACEHOLDER.findall(text)
                if e.msgid_plural is None and sorted(got) != sorted(source):
                    problems.append(f"{path.name}: {e.msgid!r}: {sorted(source)} != {sorted(got)}")
                elif e.msgid_plural is not None and not set(got) <= allowed:
                    unknown = sorted(set(got) - allowed)
                    problems.append(f"{path.name}: {e.msgid!r}: {unknown} unknown")
    return problems


def _q(s: str) -> str:
    for a, b in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t")):
        s = s.replace(a, b)
    return f'"{s}"'


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="list the remaining msgids")
    ap.add_argument("--all", action="store_true", help="include superuser-only screens")
    ap.add_argument("--po", choices=DOMAINS, help="print remaining entries of a domain as .po")
    ap.add_argument("--locale", type=Path,
                    help="another project locale/vi/LC_MESSAGES (to compare)")
    ap.add_argument("--check", action="store_true", help="check placeholders of locale/vi")
    args = ap.parse_args(argv)
    if args.locale:
        global PROJECT_VI
        PROJECT_VI = args.locale

    if args.check:
        problems = check_placeholders()
        print("\n".join(problems) or "locale/vi: placeholders and tags match their msgids")
        return 1 if problems else 0

    totals = {"authors": [0, 0], "superusers": [0, 0]}
    rows = []
    for app, domain, entries, remaining in gaps():
        counts = {}
        for who in totals:
            su = who == "superusers"
            n = sum(1 for e in entries if is_superuser_only(e, app) == su)
            left = [e for e in remaining if is_superuser_only(e, app) == su]
            counts[who] = (n, left)
            totals[who][0] += n
            totals[who][1] += len(left)
        rows.append((app, domain, counts))

    if args.po:
        for app, domain, counts in rows:
            if domain != args.po:
                continue
            for who in ("authors", "superusers") if args.all else ("authors",):
                for e in counts[who][1]:
                    print(f"#: {app or '(core)'} ({who}) {' '.join(e.refs[:3])}")
                    if e.msgctxt is not None:
                        print(f"msgctxt {_q(e.msgctxt)}")
                    print(f"msgid {_q(e.msgid)}")
                    if e.msgid_plural is not None:
                        print(f"msgid_plural {_q(e.msgid_plural)}")
                        print('msgstr[0] ""')
                    else:
                        print('msgstr ""')
                    print()
        return 0

    print(f"{'app':28} {'domain':9} {'authors: msgids':>16} {'left':>5}   "
          f"{'superusers: msgids':>18} {'left':>5}")
    for app, domain, counts in rows:
        a, s = counts["authors"], counts["superusers"]
        print(f"{app or '(core)':28} {domain:9} {a[0]:>16} {len(a[1]):>5}   "
              f"{s[0]:>18} {len(s[1]):>5}")
    for who, (n, n_left) in totals.items():
        print(f"{who}: {n} msgids, {n - n_left} with Vietnamese, {n_left} without")
    if args.list:
        for app, domain, counts in rows:
            for who in ("authors", "superusers") if args.all else ("authors",):
                for e in counts[who][1]:
                    ctx = f"[{e.msgctxt}] " if e.msgctxt else ""
                    print(f"{domain}\t{app or '(core)'}\t{who}\t{ctx}{e.msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
