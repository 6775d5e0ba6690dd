"""Prints 'events profiles pageViewsSum' from the package's SQLite file (read-only)."""
import json
import sqlite3
import sys

connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=10)
events = connection.execute('SELECT COUNT(*) FROM "upPersonalizationEvent"').fetchone()[0]
profiles, page_views = connection.execute(
    "SELECT COUNT(*), COALESCE(SUM(json_extract(Body, '$.pageViews')), 0) FROM \"upPersonalizationProfile\"").fetchone()
print(events, profiles, page_views)
