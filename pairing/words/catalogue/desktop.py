"""Core-side words the desktop needs (issue 11): the window's own sentences are Qt `tr` strings."""

MESSAGES = {
    "desktop.name_needed": ("A person needs a name; the old one is kept.", "每个人都需要姓名；已保留原来的姓名。"),
}
