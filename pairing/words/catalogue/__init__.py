"""Message catalogue files, one per area of the core: `MESSAGES = {code: (english, chinese)}`."""
