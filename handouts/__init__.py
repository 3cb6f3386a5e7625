"""The PDF handout: plan (pure) and write (reportlab)."""
