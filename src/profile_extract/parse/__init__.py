"""Pure parsers: text in, typed value (or None) out. No I/O, no clock."""
