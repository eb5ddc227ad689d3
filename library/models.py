"""The free digital library (issue 4) lands here; the app exists so the layout is stable."""
