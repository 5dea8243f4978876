"""The recruiters' admin (a later issue)."""
