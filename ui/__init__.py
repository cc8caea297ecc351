"""The desktop application: Qt widgets, item models and dialogs over the `pairing` core."""
