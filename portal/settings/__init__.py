"""Settings modules: base (production-safe defaults), dev, test, production."""
