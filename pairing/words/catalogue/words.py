"""Words every area uses."""

MESSAGES = {
    "words.yes": ("yes", "是"),
    "words.no": ("no", "否"),
    "words.none": ("none", "无"),
}
