"""Tests and the evaluation of the tailoring engine (questions and skill reminders)."""
