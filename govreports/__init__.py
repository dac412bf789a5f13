"""Turn Chinese government work reports into validated, provenance-carrying tables.

The flow runs one way, one module per stage:
raw text -> ``text`` (cleaned text + offset map + quality flags) -> ``structure`` (sections)
-> ``parts`` (review / plan and time scope per sentence) -> ``quantities`` (number mentions)
-> ``facts``, ``indicators`` and ``entities`` (table rows) -> ``outcomes`` (targets against
outcomes, across reports) -> ``package`` (descriptor) -> ``writer`` (files, validation).
``load`` and ``load_package`` read a build back with its types.
"""

__version__ = "1.0.0"

from .loader import load, load_package

__all__ = ["__version__", "load", "load_package"]
