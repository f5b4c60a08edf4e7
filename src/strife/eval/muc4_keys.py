"""MUC-4 full answer keys: incident date, location and human casualties of the incidents strife finds.

Reads the original-case documents with their datelines (`keys/{split}_docs.json`) and every slot
of the answer keys (`keys/{split}_keys.json`). Each document goes through the pipeline as
`DATELINE -- TEXT`; its events become templates by the one mapping (`muc4_map`), which are aligned
with the key templates by the GTT alignment (`muc4.score_document`). For each aligned pair the
event's date, place and figures are compared with the key's slots (see `muc4_slots`): only
incidents strife finds and aligns are judged, so these rates read alongside the GTT recall.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.eval.muc4 import Template, score_document
from strife.eval.muc4_map import DEFAULT_TEMPLATES, MappedTemplate, article_templates
from strife.eval.muc4_slots import (
    KeyPlace,
    date_matches,
    figure_matches,
    incident_figure,
    incident_location,
    key_dates,
    key_figure,
    key_location,
    place_matches,
)
from strife.eval.runner import run_articles
from strife.models import Article, Location

SLOTS = ("date", "country", "place", "deaths", "injuries")
_DATELINE_DATE = re.compile(r"\b(\d{1,2}) ([A-Z]{3})[A-Z]* (\d{2})\b")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def load_keys(folder: Path, split: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The documents and the keys of a split, as the JSON files hold them."""
    out = []
    for kind in ("docs", "keys"):
        path = Path(folder) / f"{split}_{kind}.json"
        try:
            out.append(json.loads(path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not JSON: {exc}") from exc
    return out[0], out[1]


def _entities(slot: Any) -> list[list[str]]:
    """The entities of a string slot: each simple-strings entry is one entity (its alternatives)."""
    return [list(e["strings"]) for e in slot or [] if e.get("type") == "simple_strings" and e.get("strings")]


def key_template(key: dict[str, Any]) -> dict[str, Any] | None:
    """A key template in the GTT form (for the alignment), or None for a document without one.

    Built as GTT built its data: these slots give the same templates as `gtt/dev.json` (micro-F1
    99 when scored against it)."""
    kind = str(key.get("incident_type") or "").strip().lower()
    if not kind or kind == "*":
        return None
    return {
        "incident_type": kind,
        "PerpInd": _entities(key.get("perp_individual_id")),
        "PerpOrg": _entities(key.get("perp_organization_id")),
        "Target": _entities(key.get("phys_tgt_id")),
        # GTT built its Victim role from the names alone (descriptions such as "CIVILIAN" are not in it)
        "Victim": _entities(key.get("hum_tgt_name")),
        "Weapon": _entities(key.get("incident_instrument_id")),
    }


def dateline_date(dateline: str) -> str | None:
    """The ISO date of a MUC-4 dateline such as `GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)`."""
    m = _DATELINE_DATE.search(dateline.upper())
    if not m or m.group(2) not in _MONTHS:
        return None
    return f"19{m.group(3)}-{_MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"


def make_article(docid: str, doc: dict[str, Any], supply_published: bool = False) -> Article:
    """The document as strife reads it: the dateline, then the text."""
    dateline = str(doc.get("dateline") or "").strip()
    body = str(doc.get("text") or "")
    article = Article(id=docid, source=docid, raw=f"{dateline} -- {body}" if dateline else body)
    if supply_published and (day := dateline_date(dateline)):
        article.published, article.published_from = day, "supplied"
    return article


@dataclass
class FigureMiss:
    """A deaths or injuries slot judged wrong: the key's range, strife's figure, and the counts
    of that kind on the incident's events (with the words each came from)."""

    docid: str
    slot: str
    expected: tuple[float, float]
    found: int
    counts: list[str]

    def line(self) -> str:
        low, high = self.expected
        want = f"{low:g}" if low == high else f"{low:g}-{'' if high == float('inf') else f'{high:g}'}"
        quotes = "; ".join(self.counts) or "no figure"
        return f"{self.docid} {self.slot}: key {want}, strife {self.found} ({quotes})"


@dataclass
class KeysReport:
    documents: int = 0
    key_templates: int = 0
    strife_templates: int = 0
    aligned: int = 0
    judged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SLOTS, 0))
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SLOTS, 0))
    errors: list[str] = field(default_factory=list)
    location_matcher: str = "strife.eval.muc4_slots"
    timex: dict[str, Any] | None = None
    #: each aligned incident whose date missed the key: document, key strings, strife's date
    date_misses: list[dict[str, Any]] = field(default_factory=list)
    misses: list[FigureMiss] = field(default_factory=list)
    """Each judged deaths or injuries slot strife got wrong, with the figures it read."""

    def record(self, slot: str, result: bool | None) -> None:
        if result is not None:
            self.judged[slot] += 1
            self.matched[slot] += int(result)

    def rows(self) -> list[tuple[str, int, int, float]]:
        """(slot, judged, matched, match rate in percent) for each slot."""
        return [
            (
                s,
                self.judged[s],
                self.matched[s],
                100 * self.matched[s] / self.judged[s] if self.judged[s] else 0.0,
            )
            for s in SLOTS
        ]


def _location_matcher():
    """The gazetteer's `match_location` when it exists (it knows places), else ours."""
    try:
        return importlib.import_module("strife.gazetteer").match_location
    except (ImportError, AttributeError):
        return None


def _compare_place(
    report: KeysReport, matcher: Any, location: Location, place: KeyPlace, entries: Any = None
) -> tuple[Any, Any]:
    """(country matches, most specific place matches), each None when the key does not say, by
    the gazetteer's matcher if it answers (it knows country names and admin levels), else ours.
    The matcher reads the key's own entries when given (they keep a name apart from its kind)."""
    try:
        found = matcher(location, entries or place.text) if matcher else None
    except Exception as exc:  # the gazetteer's matcher failing must not end the evaluation
        report.errors.append(f"match_location failed on {place.text!r}: {type(exc).__name__}: {exc}")
        found = None
    if isinstance(found, dict) and "country" in found:
        report.location_matcher = "strife.gazetteer.match_location"
        return found.get("country"), found.get("place", found.get("specific"))
    country, specific = place_matches(location, place)
    return (country if place.country else None), (specific if place.levels else None)


def judge_pair(
    report: KeysReport, article: Article, template: MappedTemplate, key: dict[str, Any], matcher: Any
) -> None:
    """Compare the primary event of an aligned strife template with the key's slots (deaths and
    injuries: those of all the template's events, one incident)."""
    event = max(template.events, key=lambda e: e.confidence)
    dates = key_dates(key, article.published)
    dated = date_matches(event.date, dates, article.published) if dates else None
    report.record("date", dated)
    if dated is False:
        report.date_misses.append(_date_miss(article, event, key))
    place = key_location(key)
    if place is not None:
        country, specific = _compare_place(
            report, matcher, incident_location(template.events, event), place, key.get("incident_location")
        )
        report.record("country", None if country is None else bool(country))
        report.record("place", None if specific is None else bool(specific))
    for slot, effect, kind in (("deaths", "DEATH", "fatalities"), ("injuries", "INJURY", "injured")):
        expected = key_figure(key, effect)
        found = incident_figure(template.events, kind)  # the incident's, not only one event's
        result = figure_matches(found, expected) if expected else None
        report.record(slot, result)
        if expected and not result:
            counts = [
                f"{e.event_type}/{e.id}: {c.low}{'+' if c.qualifier != 'exact' else ''} {c.group or ''} '{c.text}'"
                for e in template.events
                for c in e.counts
                if c.kind == kind
            ]
            report.misses.append(FigureMiss(article.id or "", slot, expected, found, counts))


def _date_miss(article: Article, event: Any, key: dict[str, Any]) -> dict[str, Any]:
    """What a date miss needs to be read: the key's strings, strife's date and the words it came
    from, the publication date and the event's trigger."""
    return {
        "doc": article.id,
        "published": article.published,
        "key": [s for e in key.get("incident_date") or [] for s in e.get("strings") or []],
        "strife": {"start": event.date.start, "end": event.date.end, "precision": event.date.precision},
        "words": event.date.text,
        "trigger": event.trigger.text if event.trigger else None,
    }


def evaluate_keys(
    pipeline: Any,
    docs: dict[str, Any],
    keys: dict[str, Any],
    *,
    limit: int | None = None,
    max_templates: int = DEFAULT_TEMPLATES,
    supply_published: bool = False,
) -> KeysReport:
    """Run the pipeline over the documents and judge the aligned incidents' slots."""
    report = KeysReport()
    ids = [d for d in docs if d in keys][:limit]
    articles = [make_article(d, docs[d], supply_published) for d in ids]
    matcher = _location_matcher()
    for article, error in run_articles(pipeline, articles, "MUC-4 key documents"):
        report.documents += 1
        key_list = [k for k in keys[article.id or ""] if key_template(k) is not None]
        report.key_templates += len(key_list)
        if error:
            report.errors.append(error)
            continue
        mapped = article_templates(article, max_templates)
        report.strife_templates += len(mapped)
        preds = [Template.from_dict(t.to_gtt()) for t in mapped]
        golds = [Template.from_dict(key_template(k) or {}) for k in key_list]
        for i, j in score_document(preds, golds).alignment:
            report.aligned += 1
            judge_pair(report, article, mapped[i], key_list[j], matcher)
    report.timex = _timex_check({d: docs[d] for d in ids}, {d: keys[d] for d in ids})
    return report


def _timex_check(docs: dict[str, Any], keys: dict[str, Any]) -> dict[str, Any] | None:
    """The time module's own check of incident dates read from the text, when it exists."""
    try:
        check = importlib.import_module("strife.timex").evaluate_muc4_dates
    except (ImportError, AttributeError):
        return None
    try:
        result = check(docs, keys)
    except Exception as exc:  # another module's check: report its failure, never end the run
        return {"error": f"{type(exc).__name__}: {exc}"}
    if not isinstance(result, dict):
        return {"result": result}
    return {k: v for k, v in result.items() if not isinstance(v, list | dict)}  # figures, not the error list
