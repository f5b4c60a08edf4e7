"""The typer commands: scoring on small files, and slow smoke runs of the pipeline on real data."""

import json
import re

import pytest
from typer.testing import CliRunner

from strife.eval import cli, muc4
from strife.eval.runner import data_path, data_root

runner = CliRunner()


def write_docs(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


DOCS = [
    {
        "docid": "TST1-MUC3-0001",
        "doctext": "guerrillas bombed the power station.",
        "templates": [
            {
                "incident_type": "bombing",
                "PerpInd": [[["guerrillas", 0]]],
                "PerpOrg": [],
                "Target": [[["power station", 22]]],
                "Victim": [],
                "Weapon": [],
            }
        ],
    },
    {"docid": "TST1-MUC3-0002", "doctext": "nothing happened.", "templates": []},
]


def test_score_prints_per_role_and_micro(tmp_path):
    docs = tmp_path / "docs.json"
    write_docs(docs, DOCS)
    pred = tmp_path / "pred.json"
    pred.write_text(
        json.dumps({"10001": {"pred_templates": [{"incident_type": "bombing", "PerpInd": [["guerrillas"]]}]}})
    )
    result = runner.invoke(cli.muc4_app, ["score", str(pred), str(docs)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "Weapon" in result.output
    micro = next(line for line in result.output.splitlines() if "micro" in line)
    assert "100.0" in micro and "66.7" in micro and "80.0" in micro  # P 2/2, R 2/3


def test_a_bad_file_is_a_one_line_error(tmp_path):
    docs = tmp_path / "docs.json"
    write_docs(docs, DOCS)
    result = runner.invoke(cli.muc4_app, ["score", str(tmp_path / "absent.json"), str(docs)])
    assert result.exit_code == 2
    assert "absent.json" in result.output and "Traceback" not in result.output


def test_data_root_follows_strife_data(monkeypatch, tmp_path):
    monkeypatch.setenv("STRIFE_DATA", str(tmp_path))
    assert data_root() == tmp_path
    assert data_path("case2021", "x.tsv") == tmp_path / "case2021" / "x.tsv"
    monkeypatch.delenv("STRIFE_DATA")
    assert data_root().parts[-2:] == ("shared", "data")


@pytest.fixture
def shared_pipeline(pipeline, monkeypatch):
    """Commands build their pipeline once; in tests they reuse the session's."""
    monkeypatch.setattr(cli, "make_pipeline", lambda: pipeline)
    return pipeline


def need(*parts):
    path = data_path(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path


@pytest.mark.slow
def test_predict_on_three_documents_writes_every_document(shared_pipeline, tmp_path):
    docs = need("muc4", "gtt", "dev.json")
    out = tmp_path / "pred.json"
    result = runner.invoke(cli.muc4_app, ["predict", str(docs), "--out", str(out), "--limit", "3"])
    assert result.exit_code == 0, result.output
    pred = json.loads(out.read_text())
    gold = muc4.load_gtt_docs(docs, limit=3)
    assert sorted(pred) == sorted(d.key for d in gold)
    for doc in gold:
        words = " ".join(doc.text.split())
        for template in pred[doc.key]["pred_templates"]:
            assert len(template) == 6 and template["incident_type"]
            for role in muc4.ROLES:  # mentions are words of the text (cleaning may fold spaces)
                assert all(" ".join(m.split()) in words for entity in template[role] for m in entity)
    scored = runner.invoke(cli.muc4_app, ["score", str(out), str(docs), "--limit", "3"])
    assert scored.exit_code == 0 and "micro" in scored.output


@pytest.mark.slow
def test_keys_and_case2021_commands_run(shared_pipeline, tmp_path):
    need("muc4", "keys", "dev_keys.json")
    result = runner.invoke(cli.eval_app, ["muc4-keys", "--split", "dev", "--limit", "3", "--misses"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output and "date" in result.output
    misses = [line for line in result.output.splitlines() if line.startswith("TST")]
    assert all(re.match(r"TST\S+ (deaths|injuries): key [\d.-]+, strife \d+ \(", m) for m in misses)
    dates = [line for line in result.output.splitlines() if line.startswith("date ")]
    assert all(re.match(r"date doc='TST\S+' published=.* key=\[.*\] strife=\{'start'", m) for m in dates)
    need("case2021", "task2_labelled.tsv")
    out = tmp_path / "case.jsonl"
    result = runner.invoke(cli.eval_app, ["case2021", "--limit", "5", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "accuracy" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 5 and {"gold", "predicted", "expected"} <= set(rows[0])
