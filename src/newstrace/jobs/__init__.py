"""Jobs: the orchestration that runs stages and hands their results on (``ingest``: read → analyse → store).

``batch`` (analyse on Dask → Parquet) is the job of ``scale/batch.py``. The stages do not import this package.
"""
