"""Scale: batch analysis of WARC/JSONL corpora on Dask, Parquet output, corpus-wide near-duplicates."""
