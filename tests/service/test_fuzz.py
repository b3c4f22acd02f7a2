"""Fuzz every operation of the OpenAPI schema with schemathesis: no input may cause a 5xx.

Bounded (a few dozen examples per operation, in-process ASGI calls) so it runs in seconds.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from service.config import Settings
from service.main import create_app
from tagger.core import Tagger


@schemathesis.serializer("message/rfc822")
def _rfc822(ctx, value) -> bytes:
    # Generated strings may hold lone surrogates: send them as the invalid UTF-8 they become.
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


# Built at import with no tagger (nothing is loaded at collection); the fixture below hands it the
# session's rules tagger before any call. (schemathesis' from_fixture does not work with pytest 9.)
APP = create_app(Settings(api_key=None, cors_origins="", load_in_background=False, _env_file=None))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True)
def _serve_rules_tagger(rules_tagger: Tagger):
    APP.state.tagger = rules_tagger
    yield
    APP.state.tagger = None


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
def test_no_operation_answers_5xx(case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
