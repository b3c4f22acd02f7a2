"""Service settings, read once from the environment (``TAGGER_*``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tagger.cleaning import DEFAULT_MAX_CHARS


class Settings(BaseSettings):
    """Every knob the service has; the defaults suit ``make run`` on a laptop."""

    model_config = SettingsConfigDict(env_prefix="TAGGER_", env_file=".env", extra="ignore", populate_by_name=True)

    model_path: Path | None = Field(
        None,
        validation_alias=AliasChoices("model_path", "TAGGER_MODEL", "TAGGER_MODEL_PATH"),
        description="Model directory; unset means the shipped models/default (or the rules alone without one).",
    )
    api_key: SecretStr | None = Field(None, description="When set, every /v1 route needs 'Authorization: Bearer <key>'.")
    cors_origins: str = Field("", description="Comma-separated origins allowed to call the API from a browser; empty: none.")
    max_body_bytes: int = Field(1_048_576, gt=0, description="Largest request body for POST /v1/tag.")
    max_batch_body_bytes: int = Field(20_971_520, gt=0, description="Largest request body for POST /v1/tag/batch.")
    max_chars: int = Field(DEFAULT_MAX_CHARS, gt=0, description="Longest text (in characters) one note may have.")
    max_batch_items: int = Field(1000, gt=0, description="Most rows one batch request may hold.")
    load_in_background: bool = Field(
        False, description="Start answering /healthz at once and load the model in a thread (/readyz says 503 meanwhile).",
    )
    work_threads: int = Field(
        1, gt=0, le=64,
        description="Threads per worker process that run tagging (and other blocking work). Tagging is CPU-bound under "
                    "Python's GIL, so more threads add no throughput; one serves requests first come, first served "
                    "(measured, 8 clients on 1 worker: p99 58 ms with 1 thread, 106 ms with anyio's default 40). "
                    "Scale with --workers instead.",
    )
    log_requests: bool = Field(True, description="Log one line per request: id, route, status, size, time. Never text.")

    @field_validator("api_key", mode="before")
    @classmethod
    def _blank_key_is_no_key(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached: call ``get_settings.cache_clear()`` after changing the environment)."""
    return Settings()
