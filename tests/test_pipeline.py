import pytest

from strife.errors import ConfigError, InputError, StageError
from strife.models import Article
from strife.pipeline import Pipeline, register
from strife.resources import Resources


@register("test_upper")
def _upper(resources):
    def run(article):
        article.text = (article.raw or "").upper()
        return article

    return run


@register("test_fail_on_boom")
def _boom(resources):
    def run(article):
        if "BOOM" in article.text:
            raise ValueError("exploded")
        return article

    return run


def _pipe():
    return Pipeline(["test_upper", "test_fail_on_boom"], resources=Resources())


def test_stages_run_in_the_configured_order():
    a = _pipe()(Article(raw="calm"))
    assert a.text == "CALM" and a.id


def test_unknown_stage_is_a_config_error():
    with pytest.raises(ConfigError, match="nope"):
        Pipeline(["nope"], resources=Resources())


def test_stage_failure_names_stage_and_article():
    with pytest.raises(StageError) as info:
        _pipe()(Article(raw="boom", source="f.txt"))
    assert "f.txt" in str(info.value) and "test_fail_on_boom" in str(info.value)


def test_batch_goes_on_past_failures():
    items = [
        Article(raw="a", source="1"),
        InputError("2", "empty file"),
        Article(raw="boom", source="3"),
        Article(raw="b", source="4"),
    ]
    outcomes = list(_pipe().run(items))
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert outcomes[1].source == "2" and "empty file" in str(outcomes[1].error)


class _Batching:
    """A stage with a batch method that fails when any article in the batch says BOOM."""

    def __init__(self):
        self.batches = []

    def __call__(self, article):
        if "BOOM" in article.text:
            raise ValueError("exploded")
        article.text += "!"
        return article

    def batch(self, articles):
        self.batches.append(len(articles))
        for a in articles:
            self(a)
        return articles


def test_batches_go_through_batch_method_and_failures_fall_back_per_article():
    stage = _Batching()
    register("test_batching")(lambda resources: stage)
    pipe = Pipeline(["test_upper", "test_batching"], resources=Resources())
    items = [Article(raw=x, source=x) for x in ("a", "b", "c", "boom", "d")]
    outcomes = list(pipe.run(items, batch_size=3))
    assert [o.source for o in outcomes] == ["a", "b", "c", "boom", "d"]
    assert [o.ok for o in outcomes] == [True, True, True, False, True]
    assert outcomes[0].article.text == "A!" and outcomes[4].article.text == "D!"
    assert "test_batching" in str(outcomes[3].error)
    assert stage.batches[0] == 3


@pytest.mark.slow
def test_a_long_run_does_not_keep_the_words_it_has_seen(pipeline, nlp):
    """Each batch (and each single call) is parsed in spaCy's memory zone: the strings new words
    add to the vocabulary are freed after it, and the articles come out as without the zone."""
    texts = [
        f"Gunmen of the Zorblax{i} front attacked a police post in Quixville{i} on Monday, killing {i + 2} officers."
        for i in range(5)
    ]
    list(pipeline.run([Article(raw=texts[0].replace("0", "x"))]))  # first use loads what it needs
    before = len(nlp.vocab.strings)
    outcomes = list(pipeline.run([Article(raw=t) for t in texts]))
    assert all(o.ok for o in outcomes) and any(o.article.events for o in outcomes)
    assert len(nlp.vocab.strings) == before
    assert [pipeline(Article(raw=t)).to_json() for t in texts] == [o.article.to_json() for o in outcomes]
    assert len(nlp.vocab.strings) == before
    alone = []
    for text in texts:  # the stages by hand, outside any zone: the new words stay
        article = Article(raw=text)
        for _, stage in pipeline.stages:
            article = stage(article)
        alone.append(article.to_json())
    assert alone == [o.article.to_json() for o in outcomes]
    assert len(nlp.vocab.strings) > before


def test_memory_is_released_where_the_c_library_can():
    """After each batch `run` hands freed heap pages back (glibc's malloc_trim); elsewhere it is
    a no-op, and a run goes on the same."""
    import platform

    from strife.memory import release_memory

    assert release_memory() is (platform.libc_ver()[0] == "glibc")
    outcomes = list(_pipe().run([Article(raw=x) for x in ("a", "b", "c")], batch_size=2))
    assert [o.article.text for o in outcomes] == ["A", "B", "C"]
