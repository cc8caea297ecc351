"""Words every area uses."""

MESSAGES = {
    "words.yes": ("yes", "是"),
    "words.no": ("no", "否"),
    "words.none": ("none", "无"),
    "words.caption": ("{text}:", "{text}："),  # a label before its control
    # A sentence an area has not moved into its catalogue yet (see pairing/errors.py): shown as is.
    "words.untranslated": ("{text}", "{text}"),
}
