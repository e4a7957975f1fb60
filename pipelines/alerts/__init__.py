"""Interne webcare: alerts when an issue turns red or its volume spikes."""
