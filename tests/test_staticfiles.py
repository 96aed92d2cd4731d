"""Static URLs: the manifest's hashed names, looked up once per process."""

import json

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

from portal.staticfiles import PlainManifestStaticStorage, StaticStorage


@pytest.fixture(params=[StaticStorage, PlainManifestStaticStorage])
def storage(request, tmp_path, monkeypatch):
    manifest = {"version": "1.1", "hash": "x", "paths": {"css/a.css": "css/a.0123abcd.css"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    lookups = []
    original = ManifestStaticFilesStorage._url

    def counted(self, hashed_name_func, name, *args, **kwargs):
        lookups.append(name)
        return original(self, hashed_name_func, name, *args, **kwargs)

    monkeypatch.setattr(ManifestStaticFilesStorage, "_url", counted)
    built = request.param(location=str(tmp_path), base_url="/static/")
    built.lookups = lookups
    return built


def test_a_name_is_looked_up_once(storage, settings):
    settings.DEBUG = False
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"
    assert storage.lookups == ["css/a.css"]


def test_a_missing_name_fails_every_time(storage, settings):
    settings.DEBUG = False
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
    assert storage.lookups == ["css/missing.css", "css/missing.css"]


def test_debug_is_asked_every_time_and_never_remembered(storage, settings):
    settings.DEBUG = True
    assert storage.url("css/a.css") == "/static/css/a.css"
    settings.DEBUG = False
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"
    assert storage.lookups == ["css/a.css", "css/a.css"]
