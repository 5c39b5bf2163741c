"""The read-only JSON API (DRF): trainings, objectives, platforms and the schema.

Experts live in `experts/api.py` (experts depend on the catalogue, never the
reverse); `config/api_urls.py` puts both under /api/v1/.
"""
