"""The evaluations end to end on a real Pipeline of small hand-written stages (no model):
documents in, events out, templates aligned and slots judged."""

import pytest

from strife.eval import case2021, muc4, muc4_keys, muc4_map
from strife.models import Article, DateInfo, Event, Fatalities, Location, Mention
from strife.pipeline import Pipeline, register
from strife.resources import Resources


@register("eval_test_text")
def _text(resources):
    def run(article: Article) -> Article:
        article.text = article.raw or ""
        if "CRASH" in article.text:
            raise ValueError("cannot read this one")
        return article

    return run


@register("eval_test_events")
def _events(resources):
    """A kidnapping event per text naming KIDNAPPED, with the victim after it."""

    def run(article: Article) -> Article:
        text = article.text
        if "KIDNAPPED" in text.upper():
            start = text.upper().index("KIDNAPPED") + len("KIDNAPPED ")
            end = text.index(".", start)
            article.events.append(
                Event(
                    id="e1",
                    event_type="Violence against civilians",
                    sub_event_type="Abduction/forced disappearance",
                    victims=[Mention(text=text[start:end], start=start, end=end)],
                    date=DateInfo(start="1990-02-03", end="1990-02-03", precision=1),
                    location=Location(name="San Miguel", country="El Salvador"),
                    fatalities=Fatalities(),
                    confidence=0.8,
                )
            )
        return article

    return run


@pytest.fixture
def pipe():
    return Pipeline(["eval_test_text", "eval_test_events"], resources=Resources())


def simple(*strings):
    return {"type": "simple_strings", "strings": list(strings)}


def clause(lhs, rhs):
    return {"type": "colon_clause", "strings_lhs": list(lhs), "strings_rhs": list(rhs)}


def test_keys_evaluation_aligns_and_judges(pipe):
    docs = {
        "TST1-MUC3-0001": {
            "dateline": "SAN SALVADOR, 4 FEB 90 (ACAN-EFE)",
            "text": "GUERRILLAS KIDNAPPED JOSE PEREZ.",
        },
        "TST1-MUC3-0002": {"dateline": "LIMA, 5 FEB 90", "text": "CRASH"},
    }
    key = {
        "incident_type": "KIDNAPPING",
        "incident_date": [simple("03 FEB 90")],
        "incident_location": [simple("EL SALVADOR"), clause(["SAN MIGUEL"], ["CITY"])],
        "hum_tgt_name": [simple("JOSE PEREZ")],
        "hum_tgt_number": [clause(["1"], ["JOSE PEREZ"])],
        "hum_tgt_effect_of_incident": [clause(["NO INJURY OR DEATH"], ["JOSE PEREZ"])],
    }
    keys = {"TST1-MUC3-0001": [key], "TST1-MUC3-0002": [{"incident_type": "*"}]}
    report = muc4_keys.evaluate_keys(pipe, docs, keys)
    assert (report.documents, report.key_templates, report.strife_templates, report.aligned) == (2, 1, 1, 1)
    assert report.judged == {"date": 1, "country": 1, "place": 1, "deaths": 1, "injuries": 1}
    assert report.matched == report.judged
    assert len(report.errors) == 1 and "cannot read this one" in report.errors[0]


def test_muc4_predict_gives_every_document_an_entry(pipe):
    docs = [
        muc4.GoldDoc("TST2-MUC4-0010", "rebels kidnapped the mayor of the town.", []),
        muc4.GoldDoc("TST2-MUC4-0011", "CRASH", []),
        muc4.GoldDoc("TST2-MUC4-0012", "a quiet day.", []),
    ]
    result = muc4_map.predict(pipe, docs)
    assert sorted(result.templates) == ["20010", "20011", "20012"]
    assert result.templates["20010"]["pred_templates"] == [
        {"incident_type": "kidnapping", "PerpInd": [], "PerpOrg": [], "Target": [],
         "Victim": [], "Weapon": []}
    ]  # fmt: skip
    assert result.templates["20011"]["pred_templates"] == [] and len(result.errors) == 1
    assert result.events == 1


def test_case2021_predict_types_and_survives_failures(pipe):
    snippets = [
        case2021.Snippet("1", "Gunmen kidnapped a trader.", "ABDUCT_DISSAP"),
        case2021.Snippet("2", "Floods hit the coast.", "NATURAL_DISASTER"),
        case2021.Snippet("3", "CRASH", "ARMED_CLASH"),
    ]
    preds = case2021.predict(pipe, snippets)
    assert [p.predicted for p in preds] == ["ABDUCT_DISSAP", "NO_EVENT", "NO_EVENT"]
    assert preds[2].error and preds[0].sub_event_type == "Abduction/forced disappearance"
    assert case2021.score(preds).accuracy == pytest.approx(2 / 3)
