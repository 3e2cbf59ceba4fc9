"""Conformance suite: the official ``openai`` Python package against SovereignRouter.

The client code is what any OpenAI user writes; only ``base_url`` differs. The server must run
with ``gateway/src/test/resources/conformance.yaml``; point the suite at it with:

    SOVEREIGN_BASE_URL=http://127.0.0.1:PORT/v1   # data-plane base URL, ending in /v1
    SOVEREIGN_KEY=sk-router-...                   # a valid tenant key

Both are required: the suite fails (never skips) when either is missing.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import os
import struct
import uuid

import openai
import pytest

# The HTTP library openai 3.x is built on (``httpx2``; older openai releases used ``httpx``).
try:
    import httpx2 as httpx
except ImportError:  # pragma: no cover - older openai releases
    import httpx  # type: ignore[no-redef]

CHAT_MODEL = "mock-chat"
EMBED_MODEL = "mock-embed"
FALLBACK_MODEL = "mock-fallback"
BROKEN_MODEL = "mock-broken"
MIDSTREAM_MODEL = "mock-midstream"
BODY_LIMIT = 65536
DEFAULT_EMBED_DIMS = 64
DEFAULT_REPLY_TOKENS = 16


def _attempts(header: str | None) -> list[str]:
    """Items of the X-SF-Attempts structured-field list (RFC 8941), one per provider attempt."""
    assert header, "X-SF-Attempts missing"
    return [item.strip() for item in header.split(",")]


def _required_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        pytest.fail(
            f"{name} is not set: run the gateway with conformance.yaml and export "
            "SOVEREIGN_BASE_URL (e.g. http://127.0.0.1:PORT/v1) and SOVEREIGN_KEY (a sk-router-... key)",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def base_url() -> str:
    return _required_env("SOVEREIGN_BASE_URL").rstrip("/")


@pytest.fixture(scope="session")
def api_key() -> str:
    return _required_env("SOVEREIGN_KEY")


@pytest.fixture
def client(base_url: str, api_key: str):
    c = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=20)
    yield c
    c.close()


def _messages(tag: str) -> list[dict]:
    return [
        {"role": "system", "content": "You are a conformance test."},
        {"role": "user", "content": f"Say something about {tag}."},
    ]


def _assert_openai_error_shape(body: object) -> dict:
    """The client hands ``e.body`` the inner ``error`` object of ``{"error": {...}}``."""
    assert isinstance(body, dict), f"error body is not an object: {body!r}"
    for field in ("message", "type", "param", "code"):
        assert field in body, f"error object lacks {field!r}: {body!r}"
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["type"], str) and body["type"]
    return body


def _norm(vector: list[float]) -> float:
    return math.sqrt(sum(x * x for x in vector))


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------


def test_models_list_contains_configured_models_with_object_model(client):
    page = client.models.list()
    models = list(page)
    ids = {m.id for m in models}
    assert {CHAT_MODEL, EMBED_MODEL} <= ids, ids
    for m in models:
        assert m.object == "model", m
        assert isinstance(m.id, str) and m.id
        assert isinstance(m.created, int)
        assert isinstance(m.owned_by, str)


# --------------------------------------------------------------------------------------------
# Chat completions, non-streaming
# --------------------------------------------------------------------------------------------


def test_chat_completion_basic_shape_and_usage_totals(client):
    resp = client.chat.completions.create(model=CHAT_MODEL, messages=_messages("basics"))
    assert resp.object == "chat.completion"
    assert resp.id
    assert resp.model == CHAT_MODEL
    assert len(resp.choices) == 1
    choice = resp.choices[0]
    assert choice.index == 0
    assert choice.message.role == "assistant"
    assert isinstance(choice.message.content, str) and choice.message.content.strip()
    assert choice.finish_reason == "stop"
    usage = resp.usage
    assert usage is not None
    assert usage.prompt_tokens > 0
    assert usage.completion_tokens == DEFAULT_REPLY_TOKENS
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


def test_chat_completion_is_deterministic_for_same_messages(client):
    msgs = _messages("determinism")
    first = client.chat.completions.create(model=CHAT_MODEL, messages=msgs)
    second = client.chat.completions.create(model=CHAT_MODEL, messages=msgs)
    assert first.choices[0].message.content == second.choices[0].message.content
    assert first.id != second.id


def test_chat_completion_max_tokens_truncates_with_finish_reason_length(client):
    resp = client.chat.completions.create(model=CHAT_MODEL, messages=_messages("truncation"), max_tokens=3)
    assert resp.choices[0].finish_reason == "length"
    assert resp.usage is not None
    assert resp.usage.completion_tokens == 3
    assert resp.usage.total_tokens == resp.usage.prompt_tokens + 3


def test_chat_completion_n_2_returns_two_indexed_choices(client):
    resp = client.chat.completions.create(model=CHAT_MODEL, messages=_messages("two choices"), n=2)
    assert len(resp.choices) == 2
    assert sorted(c.index for c in resp.choices) == [0, 1]
    for c in resp.choices:
        assert c.message.content
        assert c.finish_reason == "stop"


def test_chat_completion_raw_response_carries_gateway_headers(client):
    raw = client.chat.completions.with_raw_response.create(model=CHAT_MODEL, messages=_messages("headers"))
    assert raw.status_code == 200
    h = raw.headers
    assert h.get("x-request-id")
    assert h.get("x-sf-provider") == "mock"
    assert h.get("x-sf-model") == CHAT_MODEL
    assert len(_attempts(h.get("x-sf-attempts"))) == 1
    assert _attempts(h.get("x-sf-attempts"))[0].startswith('"mock";model="mock-chat";status=200;')
    assert (h.get("x-sf-route-decision") or "").startswith("rd_"), h.get("x-sf-route-decision")
    completion = raw.parse()
    assert completion.choices[0].message.content


def test_chat_completion_echoes_client_x_request_id(client):
    request_id = f"conformance-{uuid.uuid4().hex}"
    raw = client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL,
        messages=_messages("request id"),
        extra_headers={"X-Request-Id": request_id},
    )
    assert raw.headers.get("x-request-id") == request_id


def test_chat_completion_accepts_unknown_extra_body_fields(client):
    raw = client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL,
        messages=_messages("extra body"),
        extra_body={"sovereign_unknown_field": {"nested": [1, 2, 3]}, "another_vendor_flag": True},
    )
    assert raw.status_code == 200
    assert raw.parse().choices[0].message.content


def test_fallback_model_reports_second_attempt_on_mock_provider(client):
    raw = client.chat.completions.with_raw_response.create(model=FALLBACK_MODEL, messages=_messages("fallback"))
    assert raw.status_code == 200
    first, second = _attempts(raw.headers.get("x-sf-attempts"))
    assert first.startswith('"flaky";model="mock-fallback";status=503;') and first.endswith(';error="status"')
    assert second.startswith('"mock";model="mock-fallback";status=200;')
    assert raw.headers.get("x-sf-provider") == "mock"
    resp = raw.parse()
    assert resp.choices[0].message.content
    assert resp.choices[0].finish_reason == "stop"


# --------------------------------------------------------------------------------------------
# Chat completions, streaming
# --------------------------------------------------------------------------------------------


def test_stream_with_include_usage_matches_non_streaming_content(client):
    msgs = _messages("streaming with usage")
    expected = client.chat.completions.create(model=CHAT_MODEL, messages=msgs)

    stream = client.chat.completions.create(
        model=CHAT_MODEL, messages=msgs, stream=True, stream_options={"include_usage": True}
    )
    chunks = list(stream)
    assert len(chunks) >= 2
    for ch in chunks:
        assert ch.object == "chat.completion.chunk"
        assert ch.model == CHAT_MODEL
    assert len({ch.id for ch in chunks}) == 1, "every chunk of one stream shares its id"

    text = "".join(c.delta.content or "" for ch in chunks for c in ch.choices)
    assert text == expected.choices[0].message.content

    finish_reasons = [c.finish_reason for ch in chunks for c in ch.choices if c.finish_reason is not None]
    assert finish_reasons == ["stop"]

    last = chunks[-1]
    assert last.choices == []
    assert last.usage is not None
    assert last.usage.completion_tokens == expected.usage.completion_tokens
    assert last.usage.prompt_tokens == expected.usage.prompt_tokens
    assert last.usage.total_tokens == last.usage.prompt_tokens + last.usage.completion_tokens
    for ch in chunks[:-1]:
        assert ch.usage is None, "only the final chunk carries usage"


def test_stream_without_include_usage_has_no_usage(client):
    stream = client.chat.completions.create(model=CHAT_MODEL, messages=_messages("streaming no usage"), stream=True)
    chunks = list(stream)
    assert chunks
    assert all(ch.usage is None for ch in chunks)
    assert all(len(ch.choices) == 1 for ch in chunks), "no usage-only chunk without include_usage"
    finish_reasons = [c.finish_reason for ch in chunks for c in ch.choices if c.finish_reason is not None]
    assert finish_reasons == ["stop"]
    assert "".join(c.delta.content or "" for ch in chunks for c in ch.choices)


def test_stream_max_tokens_finishes_with_length(client):
    stream = client.chat.completions.create(
        model=CHAT_MODEL,
        messages=_messages("streaming truncation"),
        max_tokens=3,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    finish_reasons = [c.finish_reason for ch in chunks for c in ch.choices if c.finish_reason is not None]
    assert finish_reasons == ["length"]
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 3


def test_stream_raw_response_carries_gateway_headers(client):
    raw = client.chat.completions.with_raw_response.create(
        model=CHAT_MODEL, messages=_messages("stream headers"), stream=True
    )
    assert raw.status_code == 200
    assert raw.headers.get("content-type", "").startswith("text/event-stream")
    assert raw.headers.get("x-sf-provider") == "mock"
    assert (raw.headers.get("x-sf-route-decision") or "").startswith("rd_")
    chunks = list(raw.parse())
    assert chunks


def test_midstream_failure_raises_api_error_during_iteration(client):
    stream = client.chat.completions.create(model=MIDSTREAM_MODEL, messages=_messages("midstream"), stream=True)
    received: list[str] = []
    with pytest.raises(openai.APIError) as excinfo:
        for ch in stream:
            for c in ch.choices:
                received.append(c.delta.content or "")
    err = excinfo.value
    assert not isinstance(err, openai.APIStatusError), "the HTTP status was 200; the failure is in-stream"
    assert isinstance(err.body, dict) and err.body.get("message"), err.body
    assert err.message
    assert "".join(received), "half a reply arrives before the break"


def _sse_data_lines(base_url: str, api_key: str, model: str) -> tuple[int, str, list[str]]:
    with httpx.Client(timeout=20) as http:
        with http.stream(
            "POST",
            f"{base_url}/chat/completions",
            headers={"Authorization": f"Bearer {api_key}"},
            json={"model": model, "messages": _messages("wire"), "stream": True},
        ) as r:
            lines = [line for line in r.iter_lines() if line.startswith("data:")]
            return r.status_code, r.headers.get("content-type", ""), [line[5:].strip() for line in lines]


def test_stream_wire_format_ends_with_done(base_url, api_key):
    status, ctype, data = _sse_data_lines(base_url, api_key, CHAT_MODEL)
    assert status == 200 and ctype.startswith("text/event-stream")
    assert data[-1] == "[DONE]"
    assert data.count("[DONE]") == 1
    for d in data[:-1]:
        assert json.loads(d)["object"] == "chat.completion.chunk"


def test_midstream_failure_wire_format_has_error_event_and_no_done(base_url, api_key):
    status, ctype, data = _sse_data_lines(base_url, api_key, MIDSTREAM_MODEL)
    assert status == 200 and ctype.startswith("text/event-stream")
    assert "[DONE]" not in data
    last = json.loads(data[-1])
    assert set(last) == {"error"}, last
    _assert_openai_error_shape(last["error"])
    assert any("choices" in json.loads(d) for d in data[:-1]), "some chunks arrive before the error"


# --------------------------------------------------------------------------------------------
# Embeddings
# --------------------------------------------------------------------------------------------


def test_embeddings_default_base64_is_decoded_to_unit_floats(client):
    raw = client.embeddings.with_raw_response.create(model=EMBED_MODEL, input="hello embeddings")
    sent = json.loads(raw.http_request.content)
    assert sent.get("encoding_format") == "base64", "the client asks for base64 by default"
    wire = json.loads(raw.text)
    assert isinstance(wire["data"][0]["embedding"], str), "server answers base64 as a string"
    decoded = base64.b64decode(wire["data"][0]["embedding"])
    assert len(decoded) == 4 * DEFAULT_EMBED_DIMS, "base64 of little-endian float32"

    resp = raw.parse()
    assert resp.object == "list"
    assert resp.model == EMBED_MODEL
    assert len(resp.data) == 1
    item = resp.data[0]
    assert item.object == "embedding"
    assert item.index == 0
    assert isinstance(item.embedding, list) and len(item.embedding) == DEFAULT_EMBED_DIMS
    assert all(isinstance(x, float) for x in item.embedding)
    assert _norm(item.embedding) == pytest.approx(1.0, abs=1e-3)
    assert list(struct.unpack(f"<{DEFAULT_EMBED_DIMS}f", decoded)) == item.embedding
    assert resp.usage.prompt_tokens > 0
    assert resp.usage.total_tokens == resp.usage.prompt_tokens


def test_embeddings_float_format_matches_base64_and_is_deterministic(client):
    text = "deterministic embedding input"
    as_float = client.embeddings.create(model=EMBED_MODEL, input=text, encoding_format="float")
    again = client.embeddings.create(model=EMBED_MODEL, input=text, encoding_format="float")
    as_b64 = client.embeddings.create(model=EMBED_MODEL, input=text)
    vec = as_float.data[0].embedding
    assert len(vec) == DEFAULT_EMBED_DIMS
    assert _norm(vec) == pytest.approx(1.0, abs=1e-3)
    assert vec == again.data[0].embedding
    assert as_b64.data[0].embedding == pytest.approx(vec, abs=1e-6)


def test_embeddings_dimensions_8_gives_unit_vector_of_8(client):
    resp = client.embeddings.create(model=EMBED_MODEL, input="short vector", dimensions=8)
    vec = resp.data[0].embedding
    assert len(vec) == 8
    assert _norm(vec) == pytest.approx(1.0, abs=1e-3)
    as_float = client.embeddings.create(model=EMBED_MODEL, input="short vector", dimensions=8, encoding_format="float")
    assert as_float.data[0].embedding == pytest.approx(vec, abs=1e-6)


def test_embeddings_list_input_returns_one_item_per_string_in_order(client):
    inputs = ["first string", "second string", "third string"]
    resp = client.embeddings.create(model=EMBED_MODEL, input=inputs)
    assert len(resp.data) == 3
    assert [d.index for d in resp.data] == [0, 1, 2]
    for d in resp.data:
        assert len(d.embedding) == DEFAULT_EMBED_DIMS
        assert _norm(d.embedding) == pytest.approx(1.0, abs=1e-3)
    assert resp.data[0].embedding != resp.data[1].embedding
    single = client.embeddings.create(model=EMBED_MODEL, input="second string")
    assert single.data[0].embedding == pytest.approx(resp.data[1].embedding, abs=1e-6)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


def test_wrong_api_key_raises_authentication_error_invalid_api_key(base_url):
    bad = openai.OpenAI(base_url=base_url, api_key="sk-router-not-a-real-key", max_retries=0, timeout=20)
    with pytest.raises(openai.AuthenticationError) as excinfo:
        bad.chat.completions.create(model=CHAT_MODEL, messages=_messages("wrong key"))
    err = excinfo.value
    assert err.status_code == 401
    body = _assert_openai_error_shape(err.body)
    assert body["code"] == "invalid_api_key"
    assert err.code == "invalid_api_key"
    bad.close()


def test_wrong_api_key_on_models_list_raises_authentication_error(base_url):
    bad = openai.OpenAI(base_url=base_url, api_key="sk-router-not-a-real-key", max_retries=0, timeout=20)
    with pytest.raises(openai.AuthenticationError) as excinfo:
        bad.models.list()
    assert excinfo.value.status_code == 401
    bad.close()


def test_missing_authorization_header_is_401_openai_shaped(base_url):
    with httpx.Client(timeout=20) as http:
        r = http.post(
            f"{base_url}/chat/completions",
            json={"model": CHAT_MODEL, "messages": _messages("no key")},
        )
    assert r.status_code == 401
    payload = r.json()
    assert set(payload) == {"error"}, payload
    _assert_openai_error_shape(payload["error"])
    assert r.headers.get("x-request-id")


def test_unknown_model_raises_not_found_model_not_found(client):
    with pytest.raises(openai.NotFoundError) as excinfo:
        client.chat.completions.create(model="no-such-model-xyz", messages=_messages("unknown model"))
    err = excinfo.value
    assert err.status_code == 404
    body = _assert_openai_error_shape(err.body)
    assert body["code"] == "model_not_found"


def test_unknown_embedding_model_raises_not_found(client):
    with pytest.raises(openai.NotFoundError) as excinfo:
        client.embeddings.create(model="no-such-embed-model", input="x")
    assert _assert_openai_error_shape(excinfo.value.body)["code"] == "model_not_found"


def test_temperature_wrong_type_raises_bad_request_with_param(client):
    with pytest.raises(openai.BadRequestError) as excinfo:
        client.chat.completions.create(
            model=CHAT_MODEL, messages=_messages("bad temperature"), extra_body={"temperature": "hot"}
        )
    err = excinfo.value
    assert err.status_code == 400
    body = _assert_openai_error_shape(err.body)
    assert body["param"] == "temperature"
    assert body["type"] == "invalid_request_error"


def test_n_zero_raises_bad_request_with_param_n(client):
    with pytest.raises(openai.BadRequestError) as excinfo:
        client.chat.completions.create(model=CHAT_MODEL, messages=_messages("n zero"), n=0)
    body = _assert_openai_error_shape(excinfo.value.body)
    assert body["param"] == "n"


def test_stream_options_without_stream_raises_bad_request(client):
    with pytest.raises(openai.BadRequestError) as excinfo:
        client.chat.completions.create(
            model=CHAT_MODEL, messages=_messages("stream options"), stream_options={"include_usage": True}
        )
    body = _assert_openai_error_shape(excinfo.value.body)
    assert body["param"] == "stream_options"


def test_oversized_body_is_rejected_with_413(client):
    big = "x" * (BODY_LIMIT + 1024)
    with pytest.raises(openai.APIStatusError) as excinfo:
        client.chat.completions.create(model=CHAT_MODEL, messages=[{"role": "user", "content": big}])
    err = excinfo.value
    assert err.status_code == 413
    _assert_openai_error_shape(err.body)


def test_body_just_under_limit_is_accepted(client):
    content = "y" * (BODY_LIMIT - 1024)
    resp = client.chat.completions.create(model=CHAT_MODEL, messages=[{"role": "user", "content": content}])
    assert resp.choices[0].message.content


def test_broken_model_raises_internal_server_error_502_upstream_error(client):
    with pytest.raises(openai.InternalServerError) as excinfo:
        client.chat.completions.create(model=BROKEN_MODEL, messages=_messages("broken"))
    err = excinfo.value
    assert err.status_code == 502
    body = _assert_openai_error_shape(err.body)
    assert body["code"] == "upstream_error"
    assert err.response.headers.get("x-request-id")


def test_broken_model_stream_request_raises_502_before_any_chunk(client):
    with pytest.raises(openai.InternalServerError) as excinfo:
        stream = client.chat.completions.create(model=BROKEN_MODEL, messages=_messages("broken stream"), stream=True)
        list(stream)
    assert excinfo.value.status_code == 502


# --------------------------------------------------------------------------------------------
# Async client
# --------------------------------------------------------------------------------------------


def test_async_client_chat_completion(base_url, api_key):
    async def run():
        async with openai.AsyncOpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=20) as ac:
            return await ac.chat.completions.create(model=CHAT_MODEL, messages=_messages("async chat"))

    resp = asyncio.run(run())
    assert resp.choices[0].message.content
    assert resp.choices[0].finish_reason == "stop"
    assert resp.usage.total_tokens == resp.usage.prompt_tokens + resp.usage.completion_tokens


def test_async_client_stream_matches_sync_completion(client, base_url, api_key):
    msgs = _messages("async stream")
    expected = client.chat.completions.create(model=CHAT_MODEL, messages=msgs).choices[0].message.content

    async def run():
        async with openai.AsyncOpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=20) as ac:
            stream = await ac.chat.completions.create(
                model=CHAT_MODEL, messages=msgs, stream=True, stream_options={"include_usage": True}
            )
            return [chunk async for chunk in stream]

    chunks = asyncio.run(run())
    text = "".join(c.delta.content or "" for ch in chunks for c in ch.choices)
    assert text == expected
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    finish_reasons = [c.finish_reason for ch in chunks for c in ch.choices if c.finish_reason is not None]
    assert finish_reasons == ["stop"]
