"""Thin Qt item models over plain values from `pairing`."""
