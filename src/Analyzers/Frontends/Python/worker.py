"""consolidate-analyze Python worker: reads Python source with CPython's own ast and tokenize, never runs it.

The tool starts this script as ``python3 -I -S -u worker.py`` and talks JSON lines on stdin/stdout. Every message
carries ``"v": 1`` and an ``"id"``. On start the worker writes a handshake naming the protocol it speaks (the tool
refuses any other), the Python version and ``sys.executable`` (null when unknown), which the tool starts directly for
later workers::

    {"v":1,"id":0,"type":"hello","python":"3.11.7","protocol":2,"executable":"/usr/bin/python3.11"}

A request ``{"v":1,"id":N,"type":"parse","path":"a/b.py","source":"<base64 of the file's bytes>","tokens":false}``
gets ``{"v":1,"id":N,"type":"result","ok":...,"error":...,"notes":[...],"nodes":[...],"symbols":[...],
"imports":[...],"names":[...]}``; with ``"tokens":true`` (the default) the result also has ``"tokens":[...]`` from
tokenize, which is most of the worker's time, so the tool asks only when it cannot tokenize the file itself. A request
the worker cannot serve gets ``{"v":1,"id":N|null,"type":"error","message":"..."}`` and the worker carries on.
Positions are 1-based lines and 0-based columns counted in code points of the text as CPython decodes it; spans are
``[start_line, start_col, end_line, end_col]``.

Protocol history: 1, the first; 2 added the request's ``tokens`` flag and the hello's ``executable``.

The file is ``ok`` exactly when ``ast.parse(bytes)`` accepts it, so coding cookies and a BOM behave as in CPython.
Nothing here imports, compiles to bytecode or executes the parsed source. Python 3.8+.
"""

import ast
import base64
import binascii
import bisect
import gc
import itertools
import json
import keyword
import operator
import os
import re
import sys
import threading
import time
import tokenize
import unicodedata
import warnings

PROTOCOL = 2
WIRE_VERSION = 1

# Lines as CPython's tokenizer counts them: "\r\n", "\r" and "\n" end a line; "\f", "\v", "\x1c".."\x1e", U+2028
# do not (str.splitlines would disagree).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_STRING_OPENING = re.compile(r"[rRbBuUfFtT]*('''|\"\"\"|'|\")")
_BOM = b"\xef\xbb\xbf"

_SKIPPED_TOKENS = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
for _name in ("ENCODING", "TYPE_COMMENT", "TYPE_IGNORE"):
    if hasattr(tokenize, _name):
        _SKIPPED_TOKENS.add(getattr(tokenize, _name))
# Python 3.12+ splits f-strings (3.14: t-strings) into parts; the tool sees one literal per f-string.
_STRING_STARTS = {getattr(tokenize, n) for n in ("FSTRING_START", "TSTRING_START") if hasattr(tokenize, n)}
_STRING_ENDS = {getattr(tokenize, n) for n in ("FSTRING_END", "TSTRING_END") if hasattr(tokenize, n)}

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_TRY_STATEMENTS = tuple(getattr(ast, n) for n in ("Try", "TryStar") if hasattr(ast, n))
# Statements that never hold a block: most statements, so checking this first skips the block search for them.
_SIMPLE_STATEMENTS = tuple(getattr(ast, n) for n in (
    "Expr", "Assign", "AugAssign", "AnnAssign", "Return", "Pass", "Break", "Continue", "Raise", "Assert", "Delete",
    "Global", "Nonlocal", "TypeAlias") if hasattr(ast, n))

_IMPORT_MODULE_CALLS = {"importlib.import_module", "import_module"}
_DUNDER_IMPORT_CALLS = {"__import__", "builtins.__import__"}
_PATCHERS = ("patch", "mock.patch", "unittest.mock.patch", "mocker.patch", "class_mocker.patch",
             "module_mocker.patch", "package_mocker.patch", "session_mocker.patch")
# patch.object takes an object, not a dotted string: never a string reference.
_PATCH_CALLS = set(_PATCHERS) | {p + ".dict" for p in _PATCHERS} | {p + ".multiple" for p in _PATCHERS} | {
    "monkeypatch.setattr", "monkeypatch.delattr"}
# Names without which no call can be a string reference (every callee above has one as a whole dotted part): skips
# the full expression walk for most files. A whole word, not a substring: "dispatch" must not trigger the walk.
_CALL_TRIGGER_WORDS = ("import_module", "__import__", "patch", "setattr", "delattr")
_CALL_TRIGGERS = re.compile(r"(?<!\w)(?:import_module|__import__|patch|setattr|delattr)(?!\w)")
# An import statement on one ASCII line without comments, continuations or strings tokenizes with this alone.
_SIMPLE_IMPORT_TOKEN = re.compile(r"[ \t]*(?:([A-Za-z_][A-Za-z0-9_]*)|(\.\.\.|[.,()*]))")
_FIRST_ARGUMENT_KEYWORDS = {"import_module": "name", "dunder_import": "name", "patch": "target"}


def clean(text):
    """A str that JSON and UTF-8 can carry: lone surrogates (from escapes in literals) become backslash escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


# ---------------------------------------------------------------------------------------------------------------------
# Decoding and positions


def decode(data):
    """The text as CPython reads it, whether ast byte columns are raw bytes, and where UTF-8 decoding failed.

    CPython decodes by the coding cookie (default UTF-8, BOM stripped) and reports ast columns in UTF-8 bytes of
    that text. When the bytes do not decode (ast.parse accepts a stray Latin-1 byte in a comment) the text is read
    as Latin-1, every byte one character, so columns are raw byte offsets; the offset of the first byte that is not
    UTF-8 is returned when no other encoding was declared.
    """
    try:
        encoding = tokenize.detect_encoding(_lines_of(data))[0]
    except (SyntaxError, LookupError, ValueError):
        encoding = "utf-8"
    try:
        return data.decode(encoding), False, None
    except (UnicodeDecodeError, LookupError):
        pass
    body = data[len(_BOM):] if data.startswith(_BOM) else data
    bad_offset = None
    if encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as error:
            bad_offset = error.start
    return body.decode("latin-1"), True, bad_offset


def _lines_of(data):
    """A readline over the first two lines only: detect_encoding never needs more, and a big file stays uncopied."""
    lines = []
    start = 0
    while len(lines) < 2 and start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        lines.append(data[start:end])
        start = end
    remaining = iter(lines)
    return lambda: next(remaining, b"")


class Positions:
    """Line index of the decoded text; converts CPython's UTF-8 byte columns to code-point columns in O(1) per call."""

    def __init__(self, text, raw_bytes):
        self.text = text
        self.raw_bytes = raw_bytes
        # Byte columns are code-point columns already: raw bytes read as Latin-1, or a text that is all ASCII.
        self.direct = raw_bytes or text.isascii()
        self.starts = [0]
        if "\r" in text:
            self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        else:
            # Only "\n" breaks lines: the starts are the running sum of line lengths plus breaks, summed in C.
            self.starts.extend(itertools.accumulate(map(operator.add, map(len, text.split("\n")[:-1]), itertools.repeat(1))))
        self.maps = {}

    def line_text(self, line):
        if line < 1 or line > len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        segment = self.text[start:end]
        if segment.endswith("\r\n"):
            return segment[:-2]
        if segment.endswith("\n") or segment.endswith("\r"):
            return segment[:-1]
        return segment

    def column(self, line, byte_column):
        if byte_column is None or byte_column < 0:
            return 0
        if self.direct:
            return byte_column
        table = self.maps.get(line)
        if table is None:
            table = self._table(line)
            self.maps[line] = table
        if table is True:
            return byte_column
        if type(table) is tuple:
            # The code points whose UTF-8 bytes all come before the column: decoding the prefix counts them in C.
            text, data = table
            if byte_column >= len(data):
                return len(text) + (byte_column - len(data))
            return len(data[:byte_column].decode("utf-8", "ignore"))
        return table[byte_column] if byte_column < len(table) else table[-1] + (byte_column - len(table) + 1)

    def _table(self, line):
        text = self.line_text(line)
        if text.isascii():
            return True
        try:
            return text, text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: count widths one code point at a time
            pass
        table = []
        for index, char in enumerate(text):
            code = ord(char)
            table.extend([index] * (1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4))
        table.append(len(text))
        return table

    def span(self, node):
        if self.direct:
            # Columns are code points already (ASCII text or raw bytes): the common case, without the lookups below.
            line = node.lineno
            end_column = getattr(node, "end_col_offset", None)
            start = node.col_offset
            if start is None or start < 0:
                start = 0
            if end_column is None:
                end_column = start
            elif end_column < 0:
                end_column = 0
            return [line, start, getattr(node, "end_lineno", None) or line, end_column]
        line = node.lineno
        end_line = getattr(node, "end_lineno", None) or line
        end_column = getattr(node, "end_col_offset", None)
        start = self.column(line, node.col_offset)
        end = self.column(end_line, end_column) if end_column is not None else start
        return [line, start, end_line, end]

    def end(self):
        line = len(self.starts)
        return [line, len(self.line_text(line))]

    def offset(self, line, column):
        """The character offset of a 1-based line and 0-based code-point column, clamped to that line."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        start = self.starts[line - 1]
        return start + max(0, min(column, len(self.line_text(line))))

    def segment(self, span):
        """The source text of a span."""
        return self.text[self.offset(span[0], span[1]):self.offset(span[2], span[3])]

    def locate(self, offset):
        """1-based line and 0-based column of a character offset of the text."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]


# ---------------------------------------------------------------------------------------------------------------------
# Tokens


def read_tokens(text):
    """Classed tokens in source order: [kind, sl, sc, el, ec] and their strings; stops quietly at a tokenize error."""
    physical = (m.group(0) for m in _PHYSICAL_LINE.finditer(text))

    def readline():
        line = next(physical, "")
        # A lone "\r" ends a line for CPython's parser; tokenize only knows "\n". Same length, same columns.
        if line.endswith("\r"):
            line = line[:-1] + "\n"
        return line

    tokens = []
    strings = []
    depth = 0
    literal_start = None
    last_end = None
    try:
        for tok in tokenize.generate_tokens(readline):
            kind = tok.type
            if kind in _STRING_STARTS:
                if depth == 0:
                    literal_start = tok.start
                depth += 1
                last_end = tok.end
                continue
            if depth > 0:
                last_end = tok.end
                if kind in _STRING_ENDS:
                    depth -= 1
                    if depth == 0:
                        _append(tokens, strings, "l", literal_start, tok.end, None)
                continue
            if kind in _SKIPPED_TOKENS:
                continue
            value = tok.string
            if kind == tokenize.NAME:
                letter = "k" if keyword.iskeyword(value) else "i"
            elif kind == tokenize.NUMBER or kind == tokenize.STRING:
                letter = "l"
            elif kind == tokenize.COMMENT:
                letter = "c"
            elif kind == tokenize.ERRORTOKEN and (not value or value.isspace()):
                continue
            else:
                letter = "k"
            if tok.start == tok.end:
                continue
            _append(tokens, strings, letter, tok.start, tok.end, value)
    except Exception:  # TokenError, IndentationError, SyntaxError (3.12+): keep what was read
        if depth > 0 and literal_start is not None and last_end is not None:
            _append(tokens, strings, "l", literal_start, last_end, None)
    return tokens, strings


def _append(tokens, strings, letter, start, end, value):
    tokens.append([letter, start[0], start[1], end[0], end[1]])
    strings.append(value)


# ---------------------------------------------------------------------------------------------------------------------
# Tree, symbols, imports, names


class Reader:
    """Turns one ast.Module into the wire lists. Every walk is iterative: a 100,000-deep expression must not recurse."""

    def __init__(self, positions):
        self.positions = positions
        self.nodes = []
        self.symbols = []
        self.imports = []
        self.names = {}

    # -- structure ---------------------------------------------------------------------------------------------------

    def read(self, module, text):
        end = self.positions.end()
        self.nodes.append(["module", "Module", None, 1, 0, end[0], end[1], -1])
        # Work items: (kind, payload, parent node index, context); context is
        # (scope "module"|"class"|"function", qualified name of the scope, at module scope, in a function, in a try).
        stack = [("body", module.body, 0, ("module", None, True, False, False))]
        while stack:
            kind, payload, parent, context = stack.pop()
            if kind == "body":
                for statement in reversed(payload):
                    stack.append(("statement", statement, parent, context))
            elif kind == "block":
                raw, statements, span = payload
                span = span or self._range(statements)
                self.nodes.append(["block", raw, None] + span + [parent])
                stack.append(("body", statements, len(self.nodes) - 1, context))
            else:
                self._statement(payload, parent, context, stack)
        if any(trigger in text for trigger in _CALL_TRIGGER_WORDS):
            lines = sorted({self.positions.locate(m.start())[0] for m in _CALL_TRIGGERS.finditer(text)})
            if lines:
                self._find_string_references(module, lines)
        self.imports.sort(key=lambda i: i["span"][:2])
        return self

    def _statement(self, statement, parent, context, stack):
        scope, prefix, module_scope, in_function, in_try = context
        raw = type(statement).__name__
        span = self.positions.span(statement)
        if isinstance(statement, _DEFINITIONS):
            span = self._with_decorators(statement, span)
            is_class = isinstance(statement, ast.ClassDef)
            container = prefix if scope != "function" else prefix + ".<locals>"
            symbol_kind = "class" if is_class else "method" if scope == "class" else "function"
            self.symbols.append([symbol_kind, statement.name, container] + span)
            self.nodes.append(["class" if is_class else "function", raw, statement.name] + span + [parent])
            if module_scope:
                self._name(statement.name)
            qualified = statement.name if container is None else container + "." + statement.name
            inner = ("class" if is_class else "function", qualified, False, in_function or not is_class, in_try)
            stack.append(("body", statement.body, len(self.nodes) - 1, inner))
            return

        self.nodes.append(["statement", raw, None] + span + [parent])
        index = len(self.nodes) - 1
        if module_scope:
            self._names_of(statement)
        if isinstance(statement, _SIMPLE_STATEMENTS):
            return
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            self._import(statement, span, in_function, in_try)
            return
        if isinstance(statement, _TRY_STATEMENTS):
            context = (scope, prefix, module_scope, in_function, True)
        blocks = []
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(statement, field, None)
            if isinstance(statements, list) and statements and isinstance(statements[0], ast.stmt):
                blocks.append((field, statements, None))
        for handler in getattr(statement, "handlers", None) or ():
            if handler.body:
                blocks.append(("handler", handler.body, self.positions.span(handler)))
        for case in getattr(statement, "cases", None) or ():
            if case.body:
                blocks.append(("case", case.body, self._case_span(case)))
        if len(blocks) > 1:
            blocks.sort(key=lambda b: (b[2] or self._range(b[1]))[:2])
        for block in reversed(blocks):
            stack.append(("block", block, index, context))

    def _case_span(self, case):
        """A match case from its `case` keyword (only the pattern has a position) to its last statement."""
        pattern = self.positions.span(case.pattern)
        keyword_at = self.positions.line_text(pattern[0]).rfind("case", 0, pattern[1])
        body = self._range(case.body)
        return [pattern[0], keyword_at if keyword_at >= 0 else pattern[1]] + body[2:]

    def _range(self, statements):
        first = self.positions.span(statements[0])
        if isinstance(statements[0], _DEFINITIONS):
            first = self._with_decorators(statements[0], first)
        last = self.positions.span(statements[-1])
        return first[:2] + last[2:]

    def _with_decorators(self, definition, span):
        decorators = getattr(definition, "decorator_list", None)
        if not decorators:
            return span
        first = decorators[0]
        line = first.lineno
        column = self.positions.column(line, first.col_offset)
        at = self.positions.line_text(line).rfind("@", 0, column)
        return [line, at if at >= 0 else column] + span[2:]

    # -- top-level names ---------------------------------------------------------------------------------------------

    def _name(self, name):
        self.names.setdefault(clean(name), None)

    def _names_of(self, statement):
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                self._target_names(target)
            self._dunder_all(statement.targets, statement.value)
        elif isinstance(statement, ast.AnnAssign):
            if statement.value is not None:
                self._target_names(statement.target)
                self._dunder_all([statement.target], statement.value)
        elif isinstance(statement, ast.AugAssign):
            self._target_names(statement.target)
            self._dunder_all([statement.target], statement.value)
        elif isinstance(statement, (ast.For, ast.AsyncFor)):
            self._target_names(statement.target)
        elif isinstance(statement, (ast.With, ast.AsyncWith)):
            for item in statement.items:
                if item.optional_vars is not None:
                    self._target_names(item.optional_vars)
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                self._name(alias.asname or alias.name.split(".")[0])
        elif isinstance(statement, ast.ImportFrom):
            for alias in statement.names:
                if alias.name != "*":
                    self._name(alias.asname or alias.name)
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            call = statement.value
            function = call.func
            if (isinstance(function, ast.Attribute) and function.attr in ("extend", "append")
                    and isinstance(function.value, ast.Name) and function.value.id == "__all__" and call.args):
                value = call.args[0]
                self._all_entries(value if function.attr == "extend" else ast.List(elts=[value]))

    def _target_names(self, target):
        pending = [target]
        while pending:
            node = pending.pop()
            if isinstance(node, ast.Name):
                self._name(node.id)
            elif isinstance(node, (ast.Tuple, ast.List)):
                pending.extend(reversed(node.elts))
            elif isinstance(node, ast.Starred):
                pending.append(node.value)

    def _dunder_all(self, targets, value):
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            self._all_entries(value)

    def _all_entries(self, value):
        if isinstance(value, (ast.List, ast.Tuple)):
            for element in value.elts:
                if isinstance(element, ast.Constant) and isinstance(element.value, str):
                    self._name(element.value)

    # -- imports and string references -------------------------------------------------------------------------------

    def _find_string_references(self, module, lines):
        """Calls naming a module in a string (import_module, __import__, mock.patch).

        Walks the expressions of the statements that span a line where a trigger word occurs (``lines``, sorted): a
        call whose callee names one spans that line, so every other subtree is skipped (most of a large file).
        """
        stack = [(module, False, False)]
        while stack:
            node, in_function, in_try = stack.pop()
            first = getattr(node, "lineno", None)
            decorators = getattr(node, "decorator_list", None)
            if decorators:
                first = min(first, decorators[0].lineno)  # a definition's lineno is its "def" line, after them
            if first is not None:
                at = bisect.bisect_left(lines, first)
                if at == len(lines) or lines[at] > (getattr(node, "end_lineno", None) or first):
                    continue
            if isinstance(node, ast.Call):
                self._call(node, in_function, in_try)
            if isinstance(node, _FUNCTIONS) or isinstance(node, ast.Lambda):
                # Decorators, defaults and annotations run in the enclosing scope; only the body is the function's.
                for field, value in ast.iter_fields(node):
                    inner = in_function or field == "body"
                    for child in value if isinstance(value, list) else (value,):
                        if isinstance(child, ast.AST):
                            stack.append((child, inner, in_try))
            else:
                inner_try = in_try or isinstance(node, _TRY_STATEMENTS)
                for child in ast.iter_child_nodes(node):
                    stack.append((child, in_function, inner_try))

    def _import(self, node, span, in_function, in_try):
        parsed = self._parse_import_tokens(node, span)
        if isinstance(node, ast.Import):
            for index, alias in enumerate(node.names):
                module_span = parsed[index] if parsed else span
                self.imports.append(_import_fact("import", alias.name, 0, [], alias.asname, span, module_span,
                                                 in_function, in_try))
            return
        names = []
        for index, alias in enumerate(node.names):
            name_span = parsed[1][index] if parsed else span
            names.append([clean(alias.name), clean(alias.asname) if alias.asname else None, name_span])
        module_span = parsed[0] if parsed else span
        self.imports.append(_import_fact("from", node.module or "", node.level or 0, names, None, span, module_span,
                                         in_function, in_try))

    def _statement_tokens(self, span):
        """(string, token) pairs of the tokens inside a span (an import statement, a string argument), no comments.

        Only these few spans are tokenized, not the file. The span's text is read inside parentheses, where line breaks
        and indentation mean nothing, so a fragment of a statement tokenizes on its own; positions are shifted back.
        """
        line, column = span[0], span[1]
        segment = self.positions.segment(span)
        simple = _simple_tokens(segment, line, column) if span[0] == span[2] else None
        if simple is not None:
            return simple
        tokens, strings = read_tokens("(" + segment + ")")
        result = []
        for token, string in zip(tokens, strings):
            kind, start_line, start_column, end_line, end_column = token
            if kind == "c":
                continue
            if start_line == 1:
                if start_column == 0:
                    continue  # the opening parenthesis
                start_column += column - 1
            if end_line == 1:
                end_column += column - 1
            shifted = [kind, start_line + line - 1, start_column, end_line + line - 1, end_column]
            if (shifted[1], shifted[2]) >= (span[2], span[3]):
                break  # the closing parenthesis
            result.append((string, shifted))
        return result

    def _parse_import_tokens(self, node, span):
        """Spans of the dotted names and aliases of an import statement, or None when the tokens do not line up."""
        tokens = self._statement_tokens(span)
        position = [0]

        def peek():
            return tokens[position[0]][0] if position[0] < len(tokens) else None

        def take():
            token = tokens[position[0]]
            position[0] += 1
            return token[1]

        def dotted():
            first = take()
            last = first
            parts = [tokens[position[0] - 1][0]]
            while peek() == ".":
                take()
                last = take()
                parts.append(tokens[position[0] - 1][0])
            return ".".join(_identifier(p) for p in parts), [first[1], first[2], last[3], last[4]]

        try:
            if isinstance(node, ast.Import):
                if peek() != "import":
                    return None
                take()
                module_spans = []
                for alias in node.names:
                    name, module_span = dotted()
                    if name != alias.name:
                        return None
                    if peek() == "as":
                        take()
                        take()
                    module_spans.append(module_span)
                    if peek() == ",":
                        take()
                return module_spans
            if peek() != "from":
                return None
            take()
            first = None
            last = None
            while peek() in (".", "..."):
                token = take()
                first = first or token
                last = token
            if peek() != "import":
                module, module_span = dotted()
                if module != (node.module or ""):
                    return None
                first = first or [None, module_span[0], module_span[1]]
                last = [None, None, None, module_span[2], module_span[3]]
            if first is None or peek() != "import":
                return None
            module_span = [first[1], first[2], last[3], last[4]]
            take()
            if peek() == "(":
                take()
            name_spans = []
            for alias in node.names:
                token = take()
                if _identifier(tokens[position[0] - 1][0]) != alias.name:
                    return None
                end = token
                if peek() == "as":
                    take()
                    end = take()
                name_spans.append([token[1], token[2], end[3], end[4]])
                if peek() == ",":
                    take()
            return module_span, name_spans
        except IndexError:
            return None

    def _call(self, call, in_function, in_try):
        callee = _dotted_name(call.func)
        if callee is None:
            return
        if callee in _IMPORT_MODULE_CALLS:
            style = "import_module"
        elif callee in _DUNDER_IMPORT_CALLS:
            style = "dunder_import"
        elif callee in _PATCH_CALLS:
            style = "patch"
        else:
            return
        argument = call.args[0] if call.args else None
        if argument is None:
            wanted = "in_dict" if callee.endswith(".dict") else _FIRST_ARGUMENT_KEYWORDS[style]
            argument = next((k.value for k in call.keywords if k.arg == wanted), None)
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            return
        span = self.positions.span(call)
        content = self._string_content(argument)
        self.imports.append(_import_fact(style, argument.value, 0, [], None, span, content, in_function, in_try))

    def _string_content(self, constant):
        """The span inside the quotes of a string literal (from the first opening to the last closing quote)."""
        span = self.positions.span(constant)
        literals = [t for t in self._statement_tokens(span) if t[1][0] == "l"]
        if not literals or literals[0][0] is None or literals[-1][0] is None:
            return span
        opening = _STRING_OPENING.match(literals[0][0])
        closing = _STRING_OPENING.match(literals[-1][0])
        if opening is None or closing is None:
            return span
        first = literals[0][1]
        last = literals[-1][1]
        return [first[1], first[2] + opening.end(), last[3], last[4] - len(closing.group(1))]


def _simple_tokens(segment, line, column):
    """_statement_tokens of a one-line ASCII segment of names, dots, commas, parentheses and stars, or None.

    What tokenize gives for such text, without running it: names are keywords or identifiers, the rest operators.
    Anything else (a comment, a string, a continuation, a non-ASCII name) returns None and goes through tokenize.
    """
    if not segment.isascii() or "#" in segment or "\\" in segment or "'" in segment or '"' in segment or "\n" in segment or "\r" in segment:
        return None
    result = []
    position = 0
    length = len(segment.rstrip(" \t"))
    while position < length:
        match = _SIMPLE_IMPORT_TOKEN.match(segment, position)
        if match is None:
            return None
        name = match.group(1)
        text = name if name is not None else match.group(2)
        start = match.end() - len(text)
        letter = ("k" if keyword.iskeyword(name) else "i") if name is not None else "k"
        result.append((text, [letter, line, column + start, line, column + match.end()]))
        position = match.end()
    return result


def _identifier(name):
    """A NAME token as the ast spells it: CPython normalizes non-ASCII identifiers to NFKC."""
    return name if name.isascii() else unicodedata.normalize("NFKC", name)


def _dotted_name(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _import_fact(style, module, level, names, alias, span, module_span, in_function, in_try):
    return {
        "style": style,
        "module": clean(module),
        "level": level,
        "names": names,
        "alias": clean(alias) if alias else None,
        "span": span,
        "module_span": module_span,
        "in_function": in_function,
        "in_try": in_try,
    }


# ---------------------------------------------------------------------------------------------------------------------
# One file


def parse_file(data, with_tokens=True):
    """The result fields for one file's bytes; ``tokens`` only when asked (tokenize is the costly part)."""
    text, raw_bytes, bad_offset = decode(data)
    positions = Positions(text, raw_bytes)
    error = None
    tree = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data)
    except SyntaxError as exception:  # IndentationError and TabError too
        error = _syntax_error(exception, text, positions)
        if "null bytes" in error["message"] and "\0" in text:  # 3.12+ reports no position for these
            error["line"], error["column"] = positions.locate(text.find("\0"))
    except ValueError as exception:  # "source code string cannot contain null bytes" (3.8 - 3.11)
        line, column = positions.locate(max(text.find("\0"), 0))
        message = "%s: %s" % (type(exception).__name__, clean(str(exception)))
        error = {"line": line, "column": column, "message": message}
    except RecursionError:
        error = {"line": 1, "column": 0,
                 "message": "RecursionError: the source nests too deeply for CPython's parser "
                            "(maximum recursion depth exceeded)"}
    except MemoryError as exception:
        detail = clean(str(exception)) or "CPython's parser ran out of memory"
        error = {"line": 1, "column": 0,
                 "message": "MemoryError: %s (the source is too deeply nested or too large to parse)" % detail}
    except Exception as exception:  # anything else CPython's compiler raises is still a verdict on this file
        error = {"line": 1, "column": 0, "message": "%s: %s" % (type(exception).__name__, clean(str(exception)))}
    notes = []
    if bad_offset is not None and not (error and "(unicode error)" in error["message"]):
        line, column = positions.locate(bad_offset)
        notes.append({
            "line": line,
            "column": column,
            "message": "SyntaxError: Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding declared "
                       "(PEP 263): python refuses to run this file as a script" % (ord(text[bad_offset]), line),
        })
    result = {
        "ok": tree is not None,
        "error": error,
        "notes": notes,
        "nodes": [],
        "symbols": [],
        "imports": [],
        "names": [],
    }
    if with_tokens:
        result["tokens"] = read_tokens(text)[0]
    if tree is None:
        end = positions.end()
        result["nodes"] = [["module", "Module", None, 1, 0, end[0], end[1], -1]]
        return result
    reader = Reader(positions).read(tree, text)
    result["nodes"] = reader.nodes
    result["symbols"] = [[s[0], clean(s[1]), clean(s[2]) if s[2] else None] + s[3:] for s in reader.symbols]
    for node in result["nodes"]:
        if node[2] is not None:
            node[2] = clean(node[2])
    result["imports"] = reader.imports
    result["names"] = list(reader.names)
    return result


def _syntax_error(exception, text, positions):
    line = exception.lineno or 1
    offset = exception.offset or 1
    message = "%s: %s" % (type(exception).__name__, clean(exception.msg or "invalid syntax"))
    if line < 1:
        line = 1
    line_text = positions.line_text(line)
    # 3.9 - 3.12 report offsets of bytes input in UTF-8 bytes, 3.8 and 3.13+ in characters. Parsing the decoded str
    # gives characters on every version; use it when it reports the same error.
    if not line_text.isascii() and (3, 9) <= sys.version_info[:2] < (3, 13):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(text)
        except SyntaxError as again:
            if again.lineno == exception.lineno and again.msg == exception.msg and again.offset:
                offset = again.offset
        except Exception:
            pass
    column = max(0, min(offset - 1, len(line_text)))
    return {"line": line, "column": column, "message": message}


# ---------------------------------------------------------------------------------------------------------------------
# Protocol loop


def _error(request_id, message):
    return {"v": WIRE_VERSION, "id": request_id, "type": "error", "message": clean(message)}


def _encode(message):
    return (json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def handle(raw, test_commands, out):
    try:
        request = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exception:
        return _error(None, "malformed JSON request: %s" % exception)
    if not isinstance(request, dict):
        return _error(None, "a request must be a JSON object")
    request_id = request.get("id")
    if not isinstance(request_id, int) or isinstance(request_id, bool):
        return _error(None, "a request needs an integer id")
    if request.get("v") != WIRE_VERSION:
        return _error(request_id, "unsupported message version %r (this worker speaks %d)"
                      % (request.get("v"), WIRE_VERSION))
    kind = request.get("type")
    if kind == "parse":
        source = request.get("source")
        if not isinstance(source, str):
            return _error(request_id, "a parse request needs a base64 'source'")
        with_tokens = request.get("tokens", True)
        if not isinstance(with_tokens, bool):
            return _error(request_id, "'tokens' must be true or false")
        try:
            data = base64.b64decode(source.encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError) as exception:
            return _error(request_id, "'source' is not base64: %s" % exception)
        reply = {"v": WIRE_VERSION, "id": request_id, "type": "result"}
        reply.update(parse_file(data, with_tokens))
        return reply
    if test_commands:
        reply = _test_command(kind, request_id, out)
        if reply is not None:
            return reply
    return _error(request_id, "unknown request type %r" % (kind,))


def _test_command(kind, request_id, out):
    """Failure modes for the tool's tests; only with --test-commands, which the tool never passes in a scan."""
    if kind == "hang":
        time.sleep(3600)
    elif kind == "crash":
        out.write(b'{"v":1,"id":')
        out.flush()
        os._exit(3)
    elif kind == "kill":
        import signal
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(60)
    elif kind == "garbage":
        out.write(b"Traceback? this is not a JSON line\n")
        out.flush()
        return False
    elif kind == "badversion":
        return {"v": WIRE_VERSION + 1, "id": request_id, "type": "result"}
    elif kind == "wrongid":
        return {"v": WIRE_VERSION, "id": request_id + 1000, "type": "result"}
    elif kind == "malloc":
        return _error(request_id, "MALLOC_TRIM_THRESHOLD_=%s" % os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    return None


def serve(argv):
    test_commands = "--test-commands" in argv
    protocol = PROTOCOL
    for argument in argv:
        if test_commands and argument.startswith("--test-hello-protocol="):
            protocol = int(argument.split("=", 1)[1])
    out = sys.stdout.buffer
    source = sys.stdin.buffer
    executable = sys.executable if isinstance(sys.executable, str) and sys.executable else None
    hello = {"v": WIRE_VERSION, "id": 0, "type": "hello", "python": "%d.%d.%d" % sys.version_info[:3],
             "protocol": protocol, "executable": clean(executable) if executable else None}
    out.write(_encode(hello))
    out.flush()
    while True:
        raw = source.readline()
        if not raw:
            return
        if not raw.strip():
            continue
        try:
            reply = handle(raw, test_commands, out)
            if reply is False:
                continue
            encoded = _encode(reply)
        except Exception as exception:  # a bug here must cost one file, never the worker
            request_id = _request_id(raw)
            encoded = _encode(_error(request_id, "worker failed: %s: %s" % (type(exception).__name__, exception)))
        try:
            out.write(encoded)
            out.flush()
        except (BrokenPipeError, OSError):
            return


def _request_id(raw):
    try:
        request_id = json.loads(raw.decode("utf-8")).get("id")
        return request_id if isinstance(request_id, int) and not isinstance(request_id, bool) else None
    except Exception:
        return None


def main():
    warnings.simplefilter("ignore")
    # An ast is a tree freed by reference counting; the cyclic collector, run every 700 allocations by default, only
    # costs time here (about a tenth of a parse). Collect rarely instead of never, and skip the start-up objects.
    gc.freeze()
    gc.set_threshold(100000, 50, 100)
    # Deep expressions recurse in CPython's C code (ast construction, and on 3.8 - 3.10 without a guard): give the
    # parsing thread a large stack and a moderately raised recursion limit, so they end as RecursionError, not a crash.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    try:
        threading.stack_size(256 * 1024 * 1024)
        worker = threading.Thread(target=serve, args=(sys.argv[1:],), name="consolidate-python-worker")
        worker.start()
    except (ValueError, RuntimeError):  # no room for a big stack (ulimit -v): parse on the main thread
        threading.stack_size(0)
        serve(sys.argv[1:])
        return
    worker.join()


if __name__ == "__main__":
    main()
