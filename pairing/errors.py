"""Errors that are a user's mistake: their message is a sentence naming what is wrong, never a traceback."""


class UserError(Exception):
    """Input the program cannot accept; str(error) says what and where."""
