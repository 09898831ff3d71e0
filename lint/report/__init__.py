"""Reporters: output formats (rich, concise, json, jsonl, sarif, github)."""
