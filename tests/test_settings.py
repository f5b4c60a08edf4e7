from pathlib import Path

import pytest

from strife.errors import ConfigError
from strife.settings import load_settings


def test_packaged_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("STRIFE_CONFIG", str(tmp_path / "absent.toml"))
    s = load_settings()
    assert s.db == "sqlite:///strife.db"
    assert s.pipeline.stages[0] == "clean" and s.pipeline.stages[-1] == "finalize"


def test_user_file_then_environment_then_overrides(monkeypatch, tmp_path):
    user = tmp_path / "config.toml"
    user.write_text('db = "sqlite:///user.db"\n[pipeline]\nmax_chars = 777\n')
    monkeypatch.setenv("STRIFE_CONFIG", str(user))
    s = load_settings()
    assert s.db == "sqlite:///user.db"
    assert s.pipeline.max_chars == 777
    assert "language" in s.pipeline.stages  # untouched keys of a table keep their defaults
    monkeypatch.setenv("STRIFE_DB", "sqlite:///env.db")
    monkeypatch.setenv("STRIFE_PIPELINE__MAX_CHARS", "5000")
    s = load_settings()
    assert (s.db, s.pipeline.max_chars) == ("sqlite:///env.db", 5000)
    assert load_settings(db="sqlite:///explicit.db").db == "sqlite:///explicit.db"


def test_bad_user_file_is_a_config_error(monkeypatch, tmp_path: Path):
    user = tmp_path / "config.toml"
    user.write_text("db = [unterminated\n")
    monkeypatch.setenv("STRIFE_CONFIG", str(user))
    with pytest.raises(ConfigError, match=r"config\.toml"):
        load_settings()


def test_bad_value_is_a_config_error(monkeypatch, tmp_path):
    monkeypatch.setenv("STRIFE_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("STRIFE_PIPELINE__MAX_CHARS", "lots")
    with pytest.raises(ConfigError, match="max_chars"):
        load_settings()
