"""The event-type classifier: features, storage, the rules+model combination, the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from strife.detect import typer as model_typer
from strife.detect import typing as acled
from strife.detect.classifier import (
    DEFAULT_PATH,
    NO_EVENT,
    EventClassifier,
    EventInput,
    Weights,
    embed_inputs,
    terms,
)
from strife.detect.typer import make_typer
from strife.detect.typing import retype
from strife.errors import ResourceError
from strife.models import Article, Event


class HashEmbedder:
    """A small stand-in embedder (hashed bag of words), so that unit tests load no model."""

    dim = 16

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, sum(map(ord, w)) % self.dim] += 1.0
            out[i] /= max(float(np.linalg.norm(out[i])), 1e-9)
        return out


def tiny_model(labels=("Armed clash", "Peaceful protest", NO_EVENT)) -> EventClassifier:
    rng = np.random.default_rng(0)
    vocab = ["clash", "march", "quake", "clash rebel"]
    rules = ["rule=Armed clash", "rule=none"]
    n = 16 + len(vocab) + len(rules)
    return EventClassifier(
        labels=list(labels),
        vocab=vocab,
        idf=np.array([1.0, 1.5, 2.0, 2.5], np.float32),
        rule_names=rules,
        coef=rng.normal(size=(len(labels), n)).astype(np.float32),
        intercept=np.zeros(len(labels), np.float32),
        dim=16,
        weights=Weights(rules=0.2),
        meta={"note": "test"},
    )


def test_terms_fold_numbers_and_keep_bigrams_within_sentences():
    got = terms(["kill", "12", "soldier", "|", "army", "say"])
    assert "<num>" in got and "kill <num>" in got and "<num> soldier" in got
    assert "army say" in got
    assert not any("|" in t for t in got)


def test_tfidf_matches_scikit_learn():
    sklearn = pytest.importorskip("sklearn.feature_extraction.text")
    raw = [d.split() for d in ("rebel clash clash army", "protest march 12", "rebel march march march")]
    vec = sklearn.TfidfVectorizer(analyzer=terms, sublinear_tf=True).fit(raw)
    model = tiny_model()
    model.vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    model.idf = vec.idf_.astype(np.float32)
    model.__post_init__()
    for lemmas, row in zip(raw, vec.transform(raw).toarray(), strict=True):
        assert np.allclose(model.tfidf(lemmas), row, atol=1e-6)


def test_probabilities_sum_to_one_and_storage_round_trips(tmp_path):
    model = tiny_model()
    inputs = [
        EventInput(
            ["Rebels clashed with the army."], ["rebel", "clash", "with", "army"], ["rule=Armed clash"]
        ),
        EventInput(["An earthquake struck."], ["earthquake", "strike"], ["rule=none"]),
    ]
    emb = HashEmbedder()
    probs = model.predict(inputs, emb)
    assert [round(sum(p.values()), 5) for p in probs] == [1.0, 1.0]
    path = tmp_path / "m.npz"
    model.save(path)
    again = EventClassifier.load(path)
    assert again.labels == model.labels and again.weights == model.weights and again.meta["note"] == "test"
    for got, want in zip(again.predict(inputs, emb), probs, strict=True):
        assert got == pytest.approx(want)


def test_each_sentence_is_embedded_once_and_inputs_average_them():
    calls = []

    class Counting(HashEmbedder):
        def encode(self, texts):
            calls.append(list(texts))
            return super().encode(texts)

    a, b = "Troops shelled the village.", "Five people died."
    vecs = embed_inputs([EventInput([a, b], []), EventInput([b], [])], Counting())
    assert calls == [[a, b]]
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    with pytest.raises(ValueError):
        embed_inputs([EventInput([], [])], HashEmbedder())


def test_missing_or_broken_weights_are_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="cannot be loaded"):
        EventClassifier.load(tmp_path / "absent.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ResourceError):
        EventClassifier.load(bad)


@pytest.mark.parametrize(
    ("rule", "proba", "expected"),
    [
        ("Suicide bomb", {"Remote explosive/landmine/IED": 0.9, NO_EVENT: 0.1}, "Suicide bomb"),  # hard fact
        ("Armed clash", {"Attack": 0.6, "Armed clash": 0.3, NO_EVENT: 0.1}, "Attack"),  # the model types
        ("Attack", {"Attack": 0.2, NO_EVENT: 0.8}, None),  # a confident veto
        ("Attack", {"Attack": 0.45, NO_EVENT: 0.55}, None),
        (
            "Attack",
            {"Attack": 0.33, "Armed clash": 0.33, NO_EVENT: 0.34},
            "Armed clash",
        ),  # no veto; tie -> precedence
        (None, {"Peaceful protest": 0.7, NO_EVENT: 0.3}, "Peaceful protest"),  # a confident rescue
        (None, {"Peaceful protest": 0.28, NO_EVENT: 0.22, "Arrests": 0.28, "Attack": 0.22}, None),  # unsure
        (None, {"Peaceful protest": 0.35, NO_EVENT: 0.4, "Arrests": 0.25}, None),  # "no event" first
        ("Chemical weapon", {"Attack": 0.6, NO_EVENT: 0.4}, "Attack"),  # "gas" is no hard fact
        ("Attack", {"Armed clash": 0.12, "Attack": 0.1, NO_EVENT: 0.1}, "Attack"),  # a guess: rules stand
        ("Attack", {}, "Attack"),
        # a protest needs a crowd the rules saw: armed violence is not retyped as one
        ("Armed clash", {"Peaceful protest": 0.5, "Armed clash": 0.3, NO_EVENT: 0.2}, "Armed clash"),
        ("Attack", {"Protest with intervention": 0.6, NO_EVENT: 0.1}, "Attack"),
        ("Armed clash", {"Violent demonstration": 0.6}, "Violent demonstration"),  # riots are violent
        ("Other", {"Peaceful protest": 0.5, NO_EVENT: 0.2}, "Peaceful protest"),
        ("Protest with intervention", {"Peaceful protest": 0.6}, "Peaceful protest"),
        (
            "Non-state actor overtakes territory",
            {"Government regains territory": 0.6},
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_combine(rule, proba, expected):
    assert acled.combine(rule, proba) == expected


def test_retype_keeps_type_and_tags_consistent():
    e = Event(
        id="e1",
        event_type="Battles",
        sub_event_type="Government regains territory",
        tags=["territorial_change", "siege"],
        attack_type="Armed Assault",
    )
    retype(e, "Air/drone strike")
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert e.tags == ["air_strike", "siege"]
    retype(e, "Peaceful protest")
    assert e.event_type == "Protests" and e.attack_type is None and "air_strike" not in e.tags


def test_typer_falls_back_to_rules_with_a_warning_when_the_model_cannot_load():
    class Broken:
        @property
        def event_model(self):
            raise ResourceError("event-type model x cannot be loaded: gone")

        embedder = None

    typer = make_typer(Broken(), lex=None)
    article = Article(text="Rebels attacked a convoy.")
    events = [Event(id="e1", event_type="Battles", sub_event_type="Armed clash", sentences=[0])]
    assert typer(article, events) is events
    assert any("rule typing only" in w for w in article.warnings)


def test_the_shipped_weights_are_small_and_load():
    model = EventClassifier.load(DEFAULT_PATH)
    assert DEFAULT_PATH.stat().st_size < 5_000_000
    assert NO_EVENT in model.labels and "Air/drone strike" in model.labels
    assert model.coef.shape == (len(model.labels), model.n_features)
    assert model.meta["cv"]["macro_f1"] > 0.7  # the figure `make train` measured, kept with the weights


def _types(pipeline, text: str) -> list[str]:
    article = pipeline(Article(raw=text, published="2021-05-04"))
    return [e.sub_event_type for e in article.events if not e.background]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A suicide bomber blew himself up at a police checkpoint in Kunduz on Monday, killing six officers.",
            "Suicide bomb",
        ),
        (
            "Warplanes bombed a crowded market in the town of Maarat Misrin, killing 14 civilians, activists said.",
            "Air/drone strike",
        ),
        (
            "Thousands of students marched peacefully through Dhaka on Saturday to demand safer roads.",
            "Peaceful protest",
        ),
        (
            "Police in Lagos arrested 23 members of an opposition youth group during a raid on their office.",
            "Arrests",
        ),
        (
            "Army troops recaptured the town of Palma from insurgents after four days of fighting.",
            "Government regains territory",
        ),
    ],
)
def test_shipped_model_types_hand_written_reports(pipeline, text, expected):
    assert _types(pipeline, text)[:1] == [expected]


@pytest.mark.slow
def test_no_event_is_proposed_where_the_rules_set_event_words_aside(pipeline):
    assert _types(pipeline, "If the talks fail, the rebels may storm the city.") == []
    assert _types(pipeline, "The army did not attack the village.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army did not attack the village.", False),  # denied: no event
        ("If the talks fail, the rebels may storm the city.", False),  # only may happen
        # an event word set aside for another reason ("what organisers called a march", read as
        # an intention) leaves the short text to the model
        ("Hundreds of nurses joined what organisers called a silent march through the port city.", True),
        ("Gunmen killed two policemen in the town on Monday.", False),  # the rules found an event
        ("It rained. The roads flooded. Schools shut. Shops shut. Trains stopped.", False),  # too long
    ],
)
def test_a_short_text_is_rescuable_unless_it_denies_an_event(resources, text, expected):
    from strife.detect.document import find_events
    from strife.detect.lexicon import lexicon
    from strife.detect.typing import rescuable
    from strife.pipeline import Pipeline

    article = Pipeline(["clean", "language"], resources=resources)(Article(raw=text))
    lex = lexicon()
    assert rescuable(article, find_events(article, lex), lex) is expected


@pytest.mark.slow
def test_the_model_types_a_short_text_whose_event_word_the_rules_set_aside(pipeline):
    text = "Hundreds of nurses joined what organisers called a silent march through the port city."
    assert _types(pipeline, text) == ["Peaceful protest"]


@pytest.mark.slow
def test_deliberate_violence_is_never_vetoed(pipeline):
    text = "The escapees were helped by local activists. Separately, a car bomb exploded in a market in the capital."
    assert "Remote explosive/landmine/IED" in _types(pipeline, text)


@pytest.mark.slow
def test_prison_breaks_keep_the_rules_type(pipeline):
    text = "More than 50 prisoners escaped from the central jail in Maiduguri overnight."
    article = pipeline(Article(raw=text, published="2021-05-04"))
    assert [(e.sub_event_type, "prison_break" in e.tags) for e in article.events] == [("Other", True)]


@pytest.mark.slow
def test_shipped_model_finds_no_conflict_event_in_a_disaster_report(pipeline):
    text = "A magnitude 6.4 earthquake struck the province overnight, killing at least 30 people and destroying homes."
    assert _types(pipeline, text) == []


def _typer_inputs():
    from strife.models import Span

    texts = [
        "Rebels clashed with the army near the border. Two soldiers died.",
        "Protesters marched in the capital.",
        "An earthquake struck.",
    ]
    items = []
    for text in texts:
        article = Article(text=text)
        article.doc = object()  # the typer only checks that the text was parsed
        article.sentences = [Span(start=0, end=len(text))]
        event = Event(id="e1", event_type="Battles", sub_event_type="Armed clash", sentences=[0])
        items.append((article, [event]))
    return items


def test_a_batch_is_typed_as_each_article_alone_with_one_embedder_call(monkeypatch):
    calls = []

    class Counting(HashEmbedder):
        def encode(self, texts):
            calls.append(list(texts))
            return super().encode(texts)

    monkeypatch.setattr(
        model_typer, "event_input", lambda a, e, idx, lex: EventInput([a.text], a.text.split())
    )
    monkeypatch.setattr(model_typer, "rescuable", lambda article, events, lex: False)
    typer = model_typer.Typer(tiny_model(), Counting(), lex=None)
    alone = [[(e.sub_event_type, e.tags) for e in typer(a, evs)] for a, evs in _typer_inputs()]
    calls.clear()
    together = [[(e.sub_event_type, e.tags) for e in evs] for evs in typer.batch(_typer_inputs())]
    assert together == alone
    assert len(calls) == 1 and len(calls[0]) == 3


def test_hard_types_are_kept_without_asking_the_model():
    class Refusing(HashEmbedder):
        def encode(self, texts):
            raise AssertionError(f"embedded {texts}")

    ((article, events),) = _typer_inputs()[:1]
    events[0].sub_event_type, events[0].event_type = "Suicide bomb", "Explosions/Remote violence"
    typed = model_typer.Typer(tiny_model(), Refusing(), lex=None)(article, events)
    assert [e.sub_event_type for e in typed] == ["Suicide bomb"]
