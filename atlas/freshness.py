"""How fresh a page is: its last-updated date from git, written in the reader's language, and
the changelog page generated from atlas/data/changelog.yml.

A page is dated by the last commit that touched its Markdown (docs/<lang>/<page>), or, for a
file git does not know (a copy without history, a page not yet committed), by the file's
modification time. Generated pages also count the data they are generated from (the changelog
page is dated by changelog.yml too). Dates are UTC days.

Dates are written as each language writes them (atlas/data/dates.yml): Persian pages use the
Solar Hijri calendar and Persian digits, with the Gregorian date in brackets
(۹ آذر ۱۴۰۵ (۳۰ نوامبر ۲۰۲۶)), the others the Gregorian calendar with their own month names
(30 November 2026, 2026年11月30日, 30 ноября 2026 г., 30 בנובמבר 2026).
"""
from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from indexer.languages import language

from .model import DATA_DIR, AtlasDataError, data_cache

CALENDARS = ("gregorian", "persian")

# Pages generated from a data file as well as from their Markdown: the data's commits date them too.
DATA_BEHIND_PAGE = {"changelog.md": ("changelog.yml",)}


def _read_yaml(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AtlasDataError(f"{path}: cannot read: {exc}") from None


# --- the Solar Hijri (Persian) calendar ------------------------------------------------------------
#
# Borkowski's algorithm, as in the jalaali-js library: the years in which the 33-year leap cycle
# breaks, from which the Gregorian day of Nowruz (1 Farvardin) of any year follows. Valid for the
# Solar Hijri years -61 to 3177.
JALALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
                 2262, 2324, 2394, 2456, 3178)


def _div(a: int, b: int) -> int:
    """Integer division truncating towards zero, as the algorithm is stated."""
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def nowruz(jalali_year: int) -> dt.date:
    """The Gregorian date of 1 Farvardin of a Solar Hijri year."""
    if not JALALI_BREAKS[0] <= jalali_year < JALALI_BREAKS[-1]:
        raise ValueError(f"Solar Hijri year {jalali_year} is outside {JALALI_BREAKS[0]}..{JALALI_BREAKS[-1] - 1}")
    gregorian_year = jalali_year + 621
    leap_jalali, previous_break, jump = -14, JALALI_BREAKS[0], 0
    for next_break in JALALI_BREAKS[1:]:
        jump = next_break - previous_break
        if jalali_year < next_break:
            break
        leap_jalali += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        previous_break = next_break
    n = jalali_year - previous_break
    leap_jalali += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_jalali += 1
    leap_gregorian = _div(gregorian_year, 4) - _div((_div(gregorian_year, 100) + 1) * 3, 4) - 150
    return dt.date(gregorian_year, 3, 1) + dt.timedelta(days=20 + leap_jalali - leap_gregorian - 1)


def to_jalali(day: dt.date) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian date in the Solar Hijri calendar."""
    year = day.year - 621
    start = nowruz(year)
    if day < start:
        year -= 1
        start = nowruz(year)
    days = (day - start).days
    if days < 186:                      # the first six months have 31 days
        return year, 1 + days // 31, 1 + days % 31
    days -= 186                         # the next five 30, Esfand 29 or 30
    return year, 7 + days // 30, 1 + days % 30


# --- dates in each language ------------------------------------------------------------------------

@dataclass(frozen=True)
class DateStyle:
    calendar: str
    months: tuple
    long: str
    labels: dict
    gregorian_months: tuple = ()   # for {g_month} in a non-Gregorian calendar


@data_cache
def load_date_styles(path: Path = DATA_DIR / "dates.yml") -> dict:
    """lang -> DateStyle, from atlas/data/dates.yml; a bad entry is named with its file."""
    raw = _read_yaml(path).get("languages") or {}
    styles = {}
    for lang, entry in raw.items():
        where = f"{path}: {lang}"
        entry = entry or {}
        if entry.get("calendar") not in CALENDARS:
            raise AtlasDataError(f"{where}: calendar must be one of {', '.join(CALENDARS)}")
        months = entry.get("months") or []
        if len(months) != 12 or not all(isinstance(m, str) and m for m in months):
            raise AtlasDataError(f"{where}: months must list the twelve month names")
        gregorian_months = entry.get("gregorian_months") or []
        if "{g_month}" in str(entry.get("long")) and (
                len(gregorian_months) != 12 or not all(isinstance(m, str) and m for m in gregorian_months)):
            raise AtlasDataError(f"{where}: gregorian_months must list the twelve Gregorian month names for {{g_month}}")
        labels = entry.get("labels") or {}
        missing = [key for key in ("updated", "edit") if not isinstance(labels.get(key), str)]
        if missing:
            raise AtlasDataError(f"{where}: labels needs {', '.join(missing)}")
        if labels["updated"].count("{date}") != 1:
            raise AtlasDataError(f"{where}: labels updated must contain {{date}} once")
        if not isinstance(entry.get("long"), str) or "{year}" not in entry["long"]:
            raise AtlasDataError(f"{where}: long must be a pattern with {{day}}, {{month}} and {{year}}")
        styles[lang] = DateStyle(entry["calendar"], tuple(months), entry["long"], labels,
                                 tuple(gregorian_months))
    return styles


def date_style(lang: str) -> DateStyle:
    styles = load_date_styles()
    if lang not in styles:
        raise AtlasDataError(f"{DATA_DIR / 'dates.yml'}: no entry for language '{lang}'")
    return styles[lang]


def format_date(day: dt.date, lang: str) -> str:
    """The date as the language writes it in running text (dates.yml `long`), in the language's
    own digits (its declaration, indexer/data/languages/)."""
    style = date_style(lang)
    year, month, date = to_jalali(day) if style.calendar == "persian" else (day.year, day.month, day.day)
    text = style.long.format(day=date, month=style.months[month - 1], month_number=month, year=year,
                             g_day=day.day, g_month=(style.gregorian_months or style.months)[day.month - 1],
                             g_year=day.year)
    return language(lang).local_digits(text)


def last_updated_context(day: dt.date, lang: str) -> dict:
    """What the page foot shows (overrides/partials/source-file.html): the label around the
    date, the date in the language's own form, and the ISO day for <time datetime>."""
    before, after = date_style(lang).labels["updated"].split("{date}")
    return {"iso": day.isoformat(), "text": format_date(day, lang), "before": before, "after": after}


def edit_url(repository_url: str, edit_path: str, docs_path: str, src_uri: str) -> str | None:
    """The edit view of the page's Markdown in the repository (docs_path: the docs folder's
    path in the repository), or None when no repository is configured."""
    if not repository_url.strip():
        return None
    parts = [repository_url.strip().rstrip("/"), edit_path.strip("/"), docs_path.strip("/"), src_uri.lstrip("/")]
    return "/".join(part for part in parts if part)


# --- last-updated dates ----------------------------------------------------------------------------

def git_commit_times(directory: Path) -> dict[str, int]:
    """path relative to `directory` -> time (seconds since the epoch) of the newest commit that
    touched it, for every file under `directory` that git knows; {} without git or history.
    One `git log` for all files: newest commits come first, so a file's first mention wins."""
    try:
        result = subprocess.run(
            ["git", "-C", str(directory), "-c", "core.quotepath=off", "log", "--format=%x00%ct",
             "--name-only", "--relative", "--no-renames", "--", "."],
            capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    times: dict[str, int] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            stamp = line[1:].strip()
            current = int(stamp) if stamp.isdigit() else None
        elif line and current is not None:
            times.setdefault(line, current)
    return times


class PageDates:
    """Last-updated day of every page of one docs folder (read once per build).

    `newest` (seconds since the epoch), when given, is the latest date a page may show: a caller
    who sets SOURCE_DATE_EPOCH to date a reproducible build also caps the pages' dates with it
    (modification times of a fresh copy would otherwise date the pages by the day of copying)."""

    def __init__(self, docs_dir: Path, data_dir: Path = DATA_DIR, newest: int | None = None):
        self.docs_dir = Path(docs_dir)
        self.data_dir = Path(data_dir)
        self.newest = newest
        self.docs_commits = git_commit_times(self.docs_dir)
        self.data_commits = git_commit_times(self.data_dir)

    @staticmethod
    def _time(commits: dict, root: Path, relative: str) -> int | None:
        if relative in commits:
            return commits[relative]
        try:
            return int((root / relative).stat().st_mtime)
        except OSError:
            return None

    def epoch(self, src_uri: str, page_path: str | None = None) -> int | None:
        """Seconds since the epoch for the page docs/<src_uri> (page_path: its path inside the
        language folder, which names the data it is generated from); None if the file is gone."""
        times = [self._time(self.docs_commits, self.docs_dir, src_uri)]
        times += [self._time(self.data_commits, self.data_dir, name)
                  for name in DATA_BEHIND_PAGE.get(page_path or src_uri, ())]
        known = [t for t in times if t is not None]
        if not known:
            return None
        newest = max(known)
        return min(newest, self.newest) if self.newest is not None else newest

    def day(self, src_uri: str, page_path: str | None = None) -> dt.date | None:
        seconds = self.epoch(src_uri, page_path)
        return None if seconds is None else dt.datetime.fromtimestamp(seconds, dt.UTC).date()


# --- the changelog page ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ChangelogEntry:
    id: str
    day: dt.date
    title: dict   # lang -> title
    text: dict    # lang -> text


@data_cache
def load_changelog(languages: tuple, path: Path = DATA_DIR / "changelog.yml") -> tuple:
    """The entries of atlas/data/changelog.yml, newest first, each complete in every language."""
    raw = _read_yaml(path).get("entries")
    if not isinstance(raw, list) or not raw:
        raise AtlasDataError(f"{path}: entries must be a non-empty list")
    entries, seen = [], set()
    for number, entry in enumerate(raw, 1):
        entry = entry if isinstance(entry, dict) else {}
        where = f"{path}: entry {number} ({entry.get('id', 'no id')})"
        eid = entry.get("id")
        if not isinstance(eid, str) or not eid.replace("-", "").isalnum() or eid != eid.lower():
            raise AtlasDataError(f"{where}: id must be lower-case letters, digits and hyphens")
        if eid in seen:
            raise AtlasDataError(f"{where}: id is used twice")
        seen.add(eid)
        day = entry.get("date")
        if isinstance(day, str):
            try:
                day = dt.date.fromisoformat(day)
            except ValueError:
                day = None
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise AtlasDataError(f"{where}: date must be a day, YYYY-MM-DD")
        for key in ("title", "text"):
            values = found if isinstance(found := entry.get(key), dict) else {}
            missing = [lang for lang in languages if not isinstance(values.get(lang), str) or not values[lang].strip()]
            if missing:
                raise AtlasDataError(f"{where}: {key} is missing in {', '.join(missing)}")
        entries.append(ChangelogEntry(eid, day, entry["title"], entry["text"]))
    if [e.day for e in entries] != sorted((e.day for e in entries), reverse=True):
        raise AtlasDataError(f"{path}: entries must be listed newest first")
    return tuple(entries)


def changelog_markdown(languages, lang: str) -> str:
    """The changelog in `lang`: a heading per date (anchor changes-YYYY-MM-DD), under it a
    heading per entry (anchor: the entry's id) and its text. Anchors are the same in every language."""
    blocks, current = [], None
    for entry in load_changelog(tuple(languages)):
        if entry.day != current:
            current = entry.day
            blocks.append(f'## <time datetime="{entry.day.isoformat()}">{html.escape(format_date(entry.day, lang))}</time>'
                          f' {{#changes-{entry.day.isoformat()}}}')
        blocks.append(f"### {html.escape(entry.title[lang].strip(), quote=False)} {{#{entry.id}}}")
        blocks.append(html.escape(re.sub(r"[ \t\r\n]+", " ", entry.text[lang]).strip(), quote=False))
    return "\n\n".join(blocks)
