"""Build and maintenance code of the jobcoaching site (plain Python, outside MkDocs internals)."""
