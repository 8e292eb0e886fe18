"""Qt item models over the library: ids first, rows fetched lazily in pages."""
