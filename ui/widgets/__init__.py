"""Small reusable widgets and delegates of the window."""
