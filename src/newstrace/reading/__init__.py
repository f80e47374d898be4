"""Stage 1, reading input: files, folders, globs, URLs and stdin become ``RawDocument``s."""
from newstrace.reading.document import RawDocument, ReadOptions
from newstrace.reading.inputs import expand_inputs, read_input
from newstrace.reading.decode import decode_bytes
from newstrace.reading.sniff import FormatGuess, detect_format, sniff_format

__all__ = ["RawDocument", "ReadOptions", "expand_inputs", "read_input", "decode_bytes", "sniff_format", "detect_format",
           "FormatGuess"]
