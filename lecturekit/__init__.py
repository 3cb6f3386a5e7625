"""lecturekit: one lecture article in Markdown becomes a presentable deck and a printable handout."""

__version__ = "0.1.0"
