"""Ingestion: one module per source, plus the shared parts (reading, pseudonymising, storing)."""
