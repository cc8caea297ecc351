"""What is remembered of a program's location keeps no password (the recent-programs list is a plain file)."""

from __future__ import annotations

import pytest

from pairing.faults import mask_secrets, without_secrets


@pytest.mark.parametrize("location, kept", [
    ("postgresql://app:S3cret@db.example.org:5432/camp", "postgresql://app@db.example.org:5432/camp"),
    ("postgresql://app@db.example.org/camp", "postgresql://app@db.example.org/camp"),
    ("postgresql://db/camp?password=S3cret&sslmode=require", "postgresql://db/camp?sslmode=require"),
    ("postgresql://db/camp?sslmode=require&PASSWORD=S3cret", "postgresql://db/camp?sslmode=require"),
    ("postgresql://app:S3cret@db/camp?password=S3cret", "postgresql://app@db/camp"),
    ("/home/curator/a&b/camp?.pairing", "/home/curator/a&b/camp?.pairing"),
    (r"C:\Users\王\camp:1.pairing", r"C:\Users\王\camp:1.pairing"),
])
def test_a_remembered_location_has_no_password(location, kept):
    assert without_secrets(location) == kept
    assert "S3cret" not in without_secrets(location)


def test_a_shown_location_masks_the_password_instead():
    assert mask_secrets("postgresql://app:S3cret@db/camp") == "postgresql://app:***@db/camp"
