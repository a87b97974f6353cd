"""Foundations every layer uses: the error and message types, the user's choices, atomic file writes,
progress steps, resource paths and the version."""
