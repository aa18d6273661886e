"""Developer tooling that reads the repository (template, events); not used by deployed code paths."""
