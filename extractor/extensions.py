"""Doc extensions shared by the components. Values are JSON-safe (dicts, lists, str, numbers).

Registered defensively so that importing any component module is enough.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> default. Every component writes only the attributes its docstring names.
DOC_EXTENSIONS: dict[str, object] = {
    "dct": None,  # publication date "YYYY-MM-DD" or None (document creation time)
    "doc_id": None,
    "dateline": None,
    "byline": None,  # {"outlet", "start", "end"}: the publishing outlet named in a byline (extractor.dateline)  # {"start", "end", "place", "date", "credit", "credit_start", "credit_end"} (extractor.dateline)
    "aircraft": [],  # list of aircraft mention dicts (components.aircraft)
    "places": [],  # list of place mention dicts (components.places)
    "operators": [],  # list of operator mention dicts (components.operators)
    "timexes": [],  # list of TIMEX3 dicts (components.timex)
    "sources": [],  # list of source mention dicts (components.sources)
    "attributions": [],  # list of attribution dicts (components.attribution)
    "events": [],  # list of event dicts (components.events)
}


def ensure_doc_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            # list defaults must not be shared between Docs: use a getter-free default of None
            # and let components assign fresh lists.
            Doc.set_extension(name, default=None if isinstance(default, list) else default)


ensure_doc_extensions()
