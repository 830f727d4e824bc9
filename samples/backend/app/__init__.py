"""The orbit backend: API and worker pool."""
