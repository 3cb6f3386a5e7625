"""The PowerPoint deck: plan (pure, measured) and write (python-pptx)."""
