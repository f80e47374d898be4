"""WARC reading lives in ``reading/warc.py`` (every entry point reads WARC files); kept here for old imports."""
from newstrace.reading.warc import RecordProblem, WarcScan, scan_warc, warc_record, warc_response, write_warc

__all__ = ["RecordProblem", "WarcScan", "scan_warc", "warc_record", "warc_response", "write_warc"]
