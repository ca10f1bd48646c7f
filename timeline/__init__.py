"""timeline: news articles in, dated threat-event records out."""

__version__ = "0.1.0"
