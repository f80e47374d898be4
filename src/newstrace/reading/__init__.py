"""Stage 1, reading input: files, folders, globs, URLs, stdin, feeds, JSONL and WARC become ``Record``s."""
from newstrace.reading.document import RawDocument, ReadOptions, Record
from newstrace.reading.inputs import expand_inputs, read_input
from newstrace.reading.decode import decode_bytes
from newstrace.reading.records import iter_records
from newstrace.reading.sniff import FormatGuess, detect_format, sniff_format

__all__ = ["RawDocument", "ReadOptions", "Record", "expand_inputs", "iter_records", "read_input", "decode_bytes",
           "sniff_format", "detect_format", "FormatGuess"]
