"""Extractors: turn the bytes of an input into Sources (documents) with exact offsets."""
