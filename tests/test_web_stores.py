"""The web UI and the corpus report read SQLite and PostgreSQL stores alike."""
from __future__ import annotations

from fastapi.testclient import TestClient

from newstrace.report.build import report
from newstrace.web import WebSettings, create_app
from web_fixtures import fill_store


def test_views_on_each_database(db_url):
    ids = fill_store(db_url)
    with TestClient(create_app(WebSettings(db=db_url, analysis_process=False)), raise_server_exceptions=False) as client:
        assert client.get("/api/stats").json()["articles"] == 3
        assert [s["name"] for s in client.get("/api/search?q=lee&kind=speakers").json()["speakers"]] == ["Ann Lee"]
        assert len(client.get("/api/search?q=taxes&kind=quotes").json()["quotes"]) == 2
        assert client.get("/api/speakers/ann lee").json()["roles"] == ["mayor"]
        assert len(client.get("/api/graph").json()["edges"]) == 3
        for path in ("/", "/speakers", "/outlets", "/graph", "/claims", f"/articles/{ids['sample']}",
                     f"/claims/{ids['sample']}:c1", "/search?q=budget"):
            assert client.get(path).status_code == 200, path
    html = report([], db=db_url)
    assert '<svg class="graph"' in html and "Springfield Gazette" in html
