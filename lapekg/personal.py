"""Personal data: which values are personal, and how to find names in text.

Shared by the builder (``lapekg build --no-personal``) and the views
(``lapekg viz/report --no-personal``). Names, e-mail addresses and phone
numbers of officials are public in the sources but still personal data.
Without people, Person nodes and the contact
values of any node go, and so do those values inside quoted sentences: a
sentence that is evidence for "project coordinated by X" may also name its
project manager. Names are matched by the stem of each part, so that Finnish
inflected forms (``Virtasen`` for ``Virtanen``) are caught too; this errs on
the side of removing a capitalised word too many.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ontology.namespaces import FOAF, LKG, SCHEMA

#: Properties whose values are personal contact data, on any node.
CONTACT_PROPERTIES = frozenset(
    {LKG.email, LKG.telephone, SCHEMA.email, SCHEMA.telephone, FOAF.mbox, FOAF.phone}
)
#: What stands in a text for what was taken out; one wording for the graph and the views.
PERSON_TOKEN = "[henkilö]"
EMAIL_TOKEN = "[sähköposti]"
PHONE_TOKEN = "[puhelin]"

EMAIL = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: A Finnish or international number: starts with 0 or +code, then 6-12 digits
#: that single spaces or hyphens may separate. Amounts do not start with 0.
PHONE = re.compile(r"(?<![\w+])(?:tel:)?(?:\+\d{1,3}|0)(?:[ \-]?\d){6,12}(?!\d)")


def name_stem(part: str) -> str:
    """The start that a Finnish name keeps when it is inflected.

    ``Virtanen`` -> ``Virta`` (Virtasen), ``Matti`` -> ``Mat`` (Matin, with
    consonant gradation), ``Liisa`` -> ``Lii``. Never shorter than 3 letters.
    """
    if part.endswith("nen") and len(part) > 5:
        stem = part[:-3]
    elif len(part) > 4:
        stem = part[:-2]
    elif len(part) > 3:
        stem = part[:-1]
    else:
        stem = part
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1].lower() not in "aeiouyäö":
        stem = stem[:-1]
    return stem if len(stem) >= 3 else part


def name_stems(names: Iterable[str]) -> list[str]:
    """Stems of the capitalised parts of people's names, longest first."""
    stems: set[str] = set()
    for name in names:
        for part in re.split(r"[\s\-]+", name):
            part = part.strip(".,;:()")
            if len(part) < 2 or not part[0].isupper():
                continue
            stems.add(name_stem(part))
    return sorted(stems, key=lambda s: (-len(s), s))


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any inflected form of the given names, or None."""
    stems = name_stems(names)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*")


_PEOPLE_RUN = re.compile(re.escape(PERSON_TOKEN) + r"(?:\s+" + re.escape(PERSON_TOKEN) + r")+")


def redact(text: str, names: re.Pattern[str] | None = None) -> str:
    """``text`` with e-mails, phone numbers and names replaced by tokens.

    E-mails go first: an address holds letters a name pattern would split.
    A run of name tokens ("[henkilö] [henkilö]" for first and last name)
    becomes one, so the text reads as naming one person.
    """
    text = EMAIL.sub(EMAIL_TOKEN, text)
    text = PHONE.sub(PHONE_TOKEN, text)
    if names is not None:
        text = _PEOPLE_RUN.sub(PERSON_TOKEN, names.sub(PERSON_TOKEN, text))
    return text
