"""The Folder results tab."""
