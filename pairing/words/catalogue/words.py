"""Words every area uses."""

MESSAGES = {
    "words.yes": ("yes", "是"),
    "words.no": ("no", "否"),
    "words.none": ("none", "无"),
    "words.caption": ("{text}:", "{text}："),  # a label before its control
    # A sentence an area has not moved into its catalogue yet (see pairing/errors.py): shown as is.
    "words.untranslated": ("{text}", "{text}"),
    # An explanation of a run saved by a version that stored sentences, which could not be read back.
    "words.older_explanation": ("{text} (in the words of an older version of Talent Pairing)",
                                "旧版本保存的说明（无法翻译，保留原文）：{text}"),
}
