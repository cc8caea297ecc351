"""Formula injection: text a spreadsheet would run as a formula is guarded on export, unguarded on import."""

# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(value: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets a single quote before it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unguard(cell: str) -> str:
    """Undo `guard` (`'+86 138…` → `+86 138…`) so that export → import reproduces the program."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
