"""The email templates (package data): one .html and one .txt per email kind."""
