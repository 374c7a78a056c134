"""Extract: what a document says, read from its clean text (counts now; quotes, people and
claims later). Every stage here is a pure function of the text and names its version in
``NAME``; every fact it returns carries a ``Span`` into ``Document.text``."""
