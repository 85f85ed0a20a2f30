"""One module per record kind. Each exposes extract_<kind>(doc) ->
(records, findings): it finds text and spans and leaves typed values to parse/."""
