"""Reading pages: bytes -> decoded text -> plain text with lines."""
