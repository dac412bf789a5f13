"""Turn Chinese government work reports into validated, provenance-carrying tables.

The flow runs one way, one module per stage:
raw text -> ``text`` (cleaned text + offset map + quality flags) -> ``structure`` (sections)
-> ``parts`` (review / plan per sentence) -> ``quantities`` (number mentions) -> ``facts``
and ``entities`` (table rows) -> ``package`` (descriptor) -> ``writer`` (files, validation).
"""

__version__ = "1.0.0"
