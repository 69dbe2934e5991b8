"""How each entity class looks: colour, shape and its name in the legend.

One table, read by the network (node style), the page (legend and class
filter) and the report, so that a colour means the same thing everywhere.
Colours are the Okabe-Ito palette, which stays distinguishable for the
common kinds of colour blindness; the shape differs too, for print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ontology.namespaces import LKG
from visualisations.terms import term_label


@dataclass(frozen=True)
class ClassStyle:
    """The look of one entity class."""

    name: str       # local name in the ontology
    fallback: str   # Finnish name used until the ontology labels the class
    colour: str
    shape: str      # a vis-network shape whose label sits outside the symbol


#: Entity classes, most specific first: a node drawn once takes the first
#: class it has (a municipality that is a partner is drawn as a municipality).
STYLES: tuple[ClassStyle, ...] = (
    ClassStyle("Programme", "Ohjelma", "#D55E00", "star"),
    ClassStyle("Project", "Hanke", "#0072B2", "square"),
    ClassStyle("Measure", "Toimenpide", "#B8A200", "diamond"),
    ClassStyle("Person", "Henkilö", "#CC79A7", "triangleDown"),
    ClassStyle("Region", "Maakunta", "#009E73", "hexagon"),
    ClassStyle("Municipality", "Kunta", "#56B4E9", "triangle"),
    ClassStyle("Partner", "Kumppani", "#E69F00", "dot"),
    ClassStyle("Organisation", "Organisaatio", "#7F7F7F", "dot"),
)
BY_NAME: dict[str, ClassStyle] = {style.name: style for style in STYLES}
ENTITY_CLASSES: tuple[str, ...] = tuple(style.name for style in STYLES)


def primary_class(classes: Iterable[str]) -> str:
    """The class a node is drawn as: the most specific of its entity classes."""
    present = set(classes)
    for name in ENTITY_CLASSES:
        if name in present:
            return name
    raise ValueError(f"no entity class among {sorted(present)}")


def class_label(name: str) -> str:
    """The Finnish name of a class for the legend, capitalised."""
    label = term_label(LKG[name])
    if label == name:
        label = BY_NAME[name].fallback
    return label[:1].upper() + label[1:]
