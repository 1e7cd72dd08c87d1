"""Plain-text tables for the benchmark scripts, padded by display width (a Han character takes two columns)."""


def width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def print_table(table: list[list[str]], left: int = 1):
    """Prints `table` (a header row, then rows of strings): the first `left` columns flush left, the rest right."""
    widths = [max(width(row[i]) for row in table) for i in range(len(table[0]))]
    print()
    for i, row in enumerate(table):
        cells = [c + " " * (w - width(c)) if j < left else " " * (w - width(c)) + c for j, (c, w) in enumerate(zip(row, widths))]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
