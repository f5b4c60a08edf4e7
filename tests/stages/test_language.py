import pytest

from strife.models import Article
from strife.stages.language import windows


@pytest.mark.parametrize("size", [5, 17, 64, 1000])
def test_windows_partition_the_text_exactly(size):
    text = "Para one is here.\n\nPara two follows, longer than the first.\nA line.\n\nEnd " * 7
    pieces = list(windows(text, size))
    assert "".join(pieces) == text
    assert all(p for p in pieces)


def test_windows_cut_after_paragraph_breaks():
    text = "a" * 30 + "\n\n" + "b" * 30
    assert list(windows(text, 40)) == ["a" * 30 + "\n\n", "b" * 30]


@pytest.mark.slow
def test_windowed_parse_keeps_offsets(resources):
    from strife.pipeline import Pipeline
    from strife.settings import load_settings

    res = type(resources)(
        load_settings(pipeline={"stages": ["language"], "max_chars": 60}), nlp=resources.nlp
    )
    text = "Militants attacked a checkpoint in Mosul.\n\nThree soldiers were killed, officials said.\n\nA third paragraph ends here."
    a = Pipeline(["language"], resources=res)(Article(text=text))
    assert a.text == text
    assert len(a.sentences) >= 3
    for s in a.sentences:
        assert a.text[s.start : s.end].strip()
    for e in a.entities:
        assert a.text[e.start : e.end] == e.text


@pytest.mark.slow
def test_paragraph_breaks_end_sentences_but_hard_wraps_do_not(nlp):
    doc = nlp("Gunmen storm a jail\n\nThe attackers came at\nnight and freed inmates.\nTwo guards died.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Gunmen storm a jail"
    assert "The attackers came at\nnight and freed inmates." in sents
    assert sents[-1] == "Two guards died."
