"""The project's own date and number formats (FORMAT_MODULE_PATH), one package per language.

Django looks here first and falls back to its own locale formats for whatever is not set.
"""
