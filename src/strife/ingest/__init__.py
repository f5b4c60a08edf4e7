"""Reading inputs (stub)."""
