"""The staff side of host companies, inside the Wagtail admin."""
