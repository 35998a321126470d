"""Search indexer of the CRM Failure Atlas: per-language analysis, sections, whoosh index, search."""
