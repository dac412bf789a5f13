"""Stage 5b: named projects and events -> rows of ``projects`` and ``events``."""

from __future__ import annotations

from .records import Entity


def extract_entities(cleaned, doc_id, sentence_parts, sections) -> list[Entity]:
    return []
