"""Interne webcare: an issue turning red or spiking, alerted once per issue and day."""
