"""Generate web/snowball.js from the Python stemmers of the pinned `snowballstemmer`.

The browser must stem query words exactly as the indexer stemmed document words. Rather than
hand-porting the algorithms, this script translates the Python modules that the Snowball compiler
generated (basestemmer.py, among.py and one module per language) into JavaScript, statement by
statement, using Python's own parser. It understands only the small subset of Python that the
Snowball compiler emits and stops with an error on anything else, so a new package version cannot
be translated silently wrong.

Run with the project's virtualenv from the repository root:

    .venv/bin/python tools/snowball_to_js.py
"""
import ast
import importlib.metadata
import json
from pathlib import Path

import snowballstemmer

PINNED_VERSION = "3.1.1"
REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT_PATH = REPO_ROOT / "web" / "snowball.js"
PACKAGE_DIR = Path(snowballstemmer.__file__).parent

SOURCES = REPO_ROOT / "indexer" / "data" / "languages"


def declared_snowball_languages(sources=SOURCES):
    """Public language code -> (generated module, stemmer class) for every language whose
    declaration (indexer/data/languages/<code>.json) says query_fallback "snowball:<algorithm>",
    plus English, whose Snowball stems Latin words in every language. The browser calls
    AtlasSnowball.stem(<code>, word) with the code of the language being searched."""
    found = {}
    for path in sorted(sources.glob("*.json")):
        if path.stem == "common":
            continue
        fallback = json.loads(path.read_text(encoding="utf-8")).get("query_fallback", "")
        if fallback.startswith("snowball:"):
            algorithm = fallback.split(":", 1)[1]
            found[path.stem] = (f"{algorithm}_stemmer", f"{algorithm.title().replace('_', '')}Stemmer")
    if "en" not in found:
        raise UnsupportedPython("en.json must declare query_fallback snowball:english (Latin words everywhere)")
    return {"en": found.pop("en"), **found}

# The methods the public API calls; everything not reachable from them is left out.
ENTRY_METHODS = {"__init__", "stemWord"}

# JavaScript binding strength of each emitted operator (higher binds tighter).
PRECEDENCE = {"||": 3, "&&": 4, "===": 8, "!==": 8, "<": 9, "<=": 9, ">": 9, ">=": 9,
              ">>": 10, "<<": 10, "+": 11, "-": 11, "*": 12, "unary": 14, "atom": 20}
BINARY_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.RShift: ">>", ast.LShift: "<<"}
COMPARISON_OPERATORS = {ast.Eq: "===", ast.NotEq: "!==", ast.Lt: "<", ast.LtE: "<=",
                        ast.Gt: ">", ast.GtE: ">=", ast.Is: "===", ast.IsNot: "!=="}
INDENT = "    "


class UnsupportedPython(Exception):
    """The generated Python uses a construct this translator does not know."""


def unsupported(node, what="construct"):
    return UnsupportedPython(f"unsupported {what} at line {getattr(node, 'lineno', '?')}: "
                             f"{ast.unparse(node)[:120]}")


def js_string(text):
    # ASCII-only output keeps the file correct whatever charset the page declares for the script.
    return json.dumps(text, ensure_ascii=True)


def js_method_name(python_name):
    # Snowball marks internal routines private with a leading "__"; JavaScript needs no mangling.
    return python_name[2:] if python_name.startswith("__") and python_name != "__init__" else python_name


def is_self(node):
    return isinstance(node, ast.Name) and node.id == "self"


def is_label_exception_class(node):
    """Snowball's Python backend implements jumps with empty `class labN(BaseException)`."""
    return (isinstance(node, ast.ClassDef) and node.name.startswith("lab")
            and [ast.unparse(base) for base in node.bases] == ["BaseException"]
            and all(isinstance(statement, ast.Pass) for statement in node.body))


class FunctionTranslator:
    """Translates statements and expressions of one method, tracking its enclosing `try` labels."""

    def __init__(self, class_names):
        self.class_names = class_names
        self.open_labels = []  # (python label, javascript label), innermost last

    # ----- statements -------------------------------------------------------------------------

    def block(self, statements, depth):
        lines = []
        for statement in statements:
            lines.extend(self.statement(statement, depth))
        return lines

    def statement(self, node, depth):
        pad = INDENT * depth
        if isinstance(node, ast.Expr):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                return []  # docstring
            return [f"{pad}{self.expression(node.value)};"]
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1:
                raise unsupported(node, "multiple assignment")
            return [f"{pad}{self.expression(node.targets[0])} = {self.expression(node.value)};"]
        if isinstance(node, ast.AugAssign):
            operator = BINARY_OPERATORS.get(type(node.op))
            if operator is None:
                raise unsupported(node, "augmented assignment")
            return [f"{pad}{self.expression(node.target)} {operator}= {self.expression(node.value)};"]
        if isinstance(node, ast.Return):
            return [f"{pad}return;" if node.value is None else f"{pad}return {self.expression(node.value)};"]
        if isinstance(node, ast.Break):
            return [f"{pad}break;"]
        if isinstance(node, ast.Continue):
            return [f"{pad}continue;"]
        if isinstance(node, ast.Pass):
            return []
        if isinstance(node, ast.If):
            return self.if_statement(node, depth, keyword="if")
        if isinstance(node, ast.While):
            if node.orelse:
                raise unsupported(node, "while/else")
            return ([f"{pad}while ({self.expression(node.test)}) {{"]
                    + self.block(node.body, depth + 1) + [f"{pad}}}"])
        if isinstance(node, ast.For):
            return self.range_loop(node, depth)
        if isinstance(node, ast.Try):
            return self.labelled_block(node, depth)
        if isinstance(node, ast.Raise):
            return [f"{pad}break {self.jump_target(node)};"]
        if isinstance(node, ast.Assert):
            # Kept because Python runs them too; they guard the cursor invariants.
            message = js_string("assertion failed: " + ast.unparse(node.test))
            return [f"{pad}if (!{self.operand(node.test, PRECEDENCE['unary'])}) throw new Error({message});"]
        raise unsupported(node, "statement")

    def if_statement(self, node, depth, keyword):
        pad = INDENT * depth
        lines = [f"{pad}{keyword} ({self.expression(node.test)}) {{"] + self.block(node.body, depth + 1)
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            else_if = self.if_statement(node.orelse[0], depth, keyword="} else if")
            return lines + else_if
        if node.orelse:
            lines += [f"{pad}}} else {{"] + self.block(node.orelse, depth + 1)
        return lines + [f"{pad}}}"]

    def range_loop(self, node, depth):
        call = node.iter
        if not (isinstance(node.target, ast.Name) and isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name) and call.func.id == "range" and not node.orelse):
            raise unsupported(node, "for loop")
        arguments = list(call.args)
        step = 1
        if len(arguments) == 3:
            step = ast.literal_eval(arguments.pop())
            if not isinstance(step, int) or step == 0:
                raise unsupported(node, "range step")
        if len(arguments) == 1:
            arguments.insert(0, ast.Constant(0))
        start, stop = (self.expression(argument) for argument in arguments)
        variable = node.target.id
        comparison = "<" if step > 0 else ">"
        increment = {1: f"{variable}++", -1: f"{variable}--"}.get(step, f"{variable} += {step}")
        # Python evaluates range() once; `stop` is re-evaluated per iteration in JavaScript, which
        # is equivalent only while the loop body cannot change it, so insist on a side-effect-free
        # expression over names the body does not assign.
        assigned_in_body = {target.id for statement in ast.walk(ast.Module(node.body, []))
                            for target in assigned_names(statement)}
        if {name.id for name in ast.walk(arguments[1]) if isinstance(name, ast.Name)} & assigned_in_body:
            raise unsupported(node, "range bound assigned inside the loop")
        pad = INDENT * depth
        return ([f"{pad}for ({variable} = {start}; {variable} {comparison} {stop}; {increment}) {{"]
                + self.block(node.body, depth + 1) + [f"{pad}}}"])

    def labelled_block(self, node, depth):
        # `try: ... except labN: pass` is a forward jump: `raise labN()` leaves the try body.
        # A labelled block with `break labN` does the same without exception overhead.
        handler_ok = (len(node.handlers) == 1 and isinstance(node.handlers[0].type, ast.Name)
                      and node.handlers[0].name is None
                      and all(isinstance(statement, ast.Pass) for statement in node.handlers[0].body))
        if not handler_ok or node.orelse or node.finalbody:
            raise unsupported(node, "try statement")
        python_label = node.handlers[0].type.id
        # JavaScript forbids nesting a label inside one of the same name; Python allows it.
        javascript_label = python_label
        while any(javascript_label == used for _, used in self.open_labels):
            javascript_label += "_"
        self.open_labels.append((python_label, javascript_label))
        pad = INDENT * depth
        lines = [f"{pad}{javascript_label}: {{"] + self.block(node.body, depth + 1) + [f"{pad}}}"]
        self.open_labels.pop()
        return lines

    def jump_target(self, node):
        exception = node.exc
        if not (isinstance(exception, ast.Call) and isinstance(exception.func, ast.Name)
                and not exception.args and node.cause is None):
            raise unsupported(node, "raise")
        for python_label, javascript_label in reversed(self.open_labels):
            if python_label == exception.func.id:
                return javascript_label
        # An exception escaping the method would need real exceptions; refuse instead.
        raise unsupported(node, "raise outside its try")

    # ----- expressions ------------------------------------------------------------------------

    def expression(self, node):
        return self.expression_with_precedence(node)[0]

    def operand(self, node, minimum_precedence):
        code, precedence = self.expression_with_precedence(node)
        return code if precedence >= minimum_precedence else f"({code})"

    def expression_with_precedence(self, node):
        atom = PRECEDENCE["atom"]
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool):
                return ("true" if value else "false"), atom
            if value is None:
                return "null", atom
            if isinstance(value, int):
                return str(value), (atom if value >= 0 else PRECEDENCE["unary"])
            if isinstance(value, str):
                return js_string(value), atom
            raise unsupported(node, "constant")
        if isinstance(node, ast.Name):
            return ("this" if node.id == "self" else node.id), atom
        if isinstance(node, ast.Attribute):
            return f"{self.operand(node.value, atom)}.{js_method_name(node.attr)}", atom
        if isinstance(node, ast.Subscript):
            return self.subscript(node), atom
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr in ("startswith", "endswith"):
                return self.bounded_affix_test(node), PRECEDENCE["&&"]
            return self.call(node), atom
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return f"!{self.operand(node.operand, PRECEDENCE['unary'])}", PRECEDENCE["unary"]
            if isinstance(node.op, ast.USub):
                return f"-{self.operand(node.operand, PRECEDENCE['unary'])}", PRECEDENCE["unary"]
            raise unsupported(node, "unary operator")
        if isinstance(node, ast.BinOp):
            operator = BINARY_OPERATORS.get(type(node.op))
            if operator is None:
                raise unsupported(node, "binary operator")
            return self.left_associative(operator, node.left, node.right), PRECEDENCE[operator]
        if isinstance(node, ast.BoolOp):
            operator = "&&" if isinstance(node.op, ast.And) else "||"
            parts = [self.operand(value, PRECEDENCE[operator] + 1) for value in node.values]
            return f" {operator} ".join(parts), PRECEDENCE[operator]
        if isinstance(node, ast.Compare):
            return self.comparison(node)
        if isinstance(node, (ast.List, ast.Tuple)):
            return self.array_literal(node.elts), atom
        if isinstance(node, ast.Set):
            return f"new Set({self.array_literal(node.elts)})", atom
        raise unsupported(node, "expression")

    def left_associative(self, operator, left, right):
        precedence = PRECEDENCE[operator]
        return f"{self.operand(left, precedence)} {operator} {self.operand(right, precedence + 1)}"

    def comparison(self, node):
        if len(node.ops) != 1:
            raise unsupported(node, "chained comparison")
        operator, left, right = node.ops[0], node.left, node.comparators[0]
        if isinstance(operator, (ast.In, ast.NotIn)):
            # Every membership test in Snowball's Python is a character against a grouping,
            # and groupings are emitted as Sets (see ClassTranslator.static_value).
            membership = f"{self.operand(right, PRECEDENCE['atom'])}.has({self.expression(left)})"
            if isinstance(operator, ast.NotIn):
                return f"!{membership}", PRECEDENCE["unary"]
            return membership, PRECEDENCE["atom"]
        javascript_operator = COMPARISON_OPERATORS.get(type(operator))
        if javascript_operator is None:
            raise unsupported(node, "comparison")
        if isinstance(operator, (ast.Is, ast.IsNot)) and not (
                isinstance(right, ast.Constant) and right.value is None):
            raise unsupported(node, "identity comparison")
        return self.left_associative(javascript_operator, left, right), PRECEDENCE[javascript_operator]

    def array_literal(self, elements):
        return "[" + ", ".join(self.expression(element) for element in elements) + "]"

    def subscript(self, node):
        target = self.operand(node.value, PRECEDENCE["atom"])
        if isinstance(node.slice, ast.Slice):
            if node.slice.step is not None:
                raise unsupported(node, "slice step")
            start = self.expression(node.slice.lower) if node.slice.lower else "0"
            if node.slice.upper is None:
                return f"{target}.slice({start})"
            return f"{target}.slice({start}, {self.expression(node.slice.upper)})"
        # Indices are cursor positions, never negative, so Python and JavaScript agree.
        return f"{target}[{self.expression(node.slice)}]"

    def call(self, node):
        if node.keywords:
            raise unsupported(node, "keyword arguments")
        function, arguments = node.func, node.args
        if isinstance(function, ast.Name):
            name = function.id
            if name == "len" and len(arguments) == 1:
                return f"{self.operand(arguments[0], PRECEDENCE['atom'])}.length"
            if name == "ord" and len(arguments) == 1:
                # All characters are in the Basic Multilingual Plane (snowball.js maps the rest
                # into it), so a UTF-16 code unit equals Python's code point.
                character = arguments[0]
                if isinstance(character, ast.Subscript) and not isinstance(character.slice, ast.Slice):
                    string = self.operand(character.value, PRECEDENCE["atom"])
                    return f"{string}.charCodeAt({self.expression(character.slice)})"
                return f"{self.operand(character, PRECEDENCE['atom'])}.charCodeAt(0)"
            if name == "min":
                return f"Math.min({self.argument_list(arguments)})"
            if name == "Among" and len(arguments) > 3:
                # Among entries with a routine need the routine bound to the stemmer class;
                # none of the declared Snowball languages has one, so that translation is not
                # written yet.
                raise unsupported(node, "Among entry with a routine")
            if name in self.class_names:
                return f"new {name}({self.argument_list(arguments)})"
            raise unsupported(node, "function call")
        if not isinstance(function, ast.Attribute):
            raise unsupported(node, "call target")
        if not is_self(function.value) and arguments and is_self(arguments[0]):
            # A routine stored in an Among entry, called with the stemmer as `self`.
            rest = ["this"] + [self.expression(argument) for argument in arguments[1:]]
            return f"{self.expression(function)}.call({', '.join(rest)})"
        return f"{self.expression(function)}({self.argument_list(arguments)})"

    def bounded_affix_test(self, node):
        """`text.startswith(s, start, end)` tests text[start:end]; JavaScript's takes no end."""
        function, arguments = node.func, node.args
        if len(arguments) != 3 or node.keywords:
            raise unsupported(node, f"{function.attr} call")
        text = self.operand(function.value, PRECEDENCE["atom"])
        affix = self.operand(arguments[0], PRECEDENCE["atom"])
        start, end = (self.expression(argument) for argument in arguments[1:])
        window = self.left_associative("-", arguments[2], arguments[1])
        if function.attr == "startswith":
            return f"{window} >= {affix}.length && {text}.startsWith({affix}, {start})"
        return f"{window} >= {affix}.length && {text}.endsWith({affix}, {end})"

    def argument_list(self, arguments):
        return ", ".join(self.expression(argument) for argument in arguments)


def assigned_names(node):
    """Local variables a statement binds (attribute targets such as self.x are not locals)."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AugAssign, ast.For)):
        targets = [node.target]
    else:
        return []
    return [target for target in targets if isinstance(target, ast.Name)]


def translate_method(function, class_names, depth):
    """A Python method as a JavaScript class method, locals declared up front like Python's."""
    parameters = [argument.arg for argument in function.args.args]
    if parameters[:1] != ["self"] or function.args.vararg or function.args.kwarg or function.args.kwonlyargs:
        raise unsupported(function, "method signature")
    translator = FunctionTranslator(class_names)
    defaults = [None] * (len(parameters) - len(function.args.defaults)) + list(function.args.defaults)
    signature = ", ".join(
        parameter if default is None else f"{parameter} = {translator.expression(default)}"
        for parameter, default in zip(parameters[1:], defaults[1:], strict=True))
    local_names = []
    for node in ast.walk(function):
        for target in assigned_names(node):
            if target.id not in parameters and target.id not in local_names:
                local_names.append(target.id)
    name = "constructor" if function.name == "__init__" else js_method_name(function.name)
    pad = INDENT * depth
    body = translator.block(function.body, depth + 1)
    declarations = [f"{pad}{INDENT}let {', '.join(local_names)};"] if local_names else []
    return [f"{pad}{name}({signature}) {{"] + declarations + body + [f"{pad}}}"]


def called_self_methods(function):
    return {js_method_name(node.func.attr) for node in ast.walk(function)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_self(node.func.value)}


def parse_module(module_name):
    source_path = PACKAGE_DIR / f"{module_name}.py"
    return source_path, ast.parse(source_path.read_text(encoding="utf-8"), filename=str(source_path))


def module_class(tree, class_name):
    """The one class a generated module defines, checking nothing else hides in the module."""
    found = None
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) or is_label_exception_class(node):
            continue
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            found = node
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # module docstring
        raise unsupported(node, "module-level statement")
    if found is None:
        raise UnsupportedPython(f"class {class_name} not found")
    return found


def is_instance_field(class_body_item):
    """Scalar class attributes (Snowball's I_ integers and B_ booleans) are per-stemmer state."""
    return (isinstance(class_body_item, ast.Assign) and isinstance(class_body_item.value, ast.Constant)
            and isinstance(class_body_item.value.value, (bool, int)))


class ClassTranslator:
    """Splits a generated class into instance state, static tables and methods."""

    def __init__(self, node, class_names):
        self.node = node
        self.class_names = class_names
        self.methods = {js_method_name(item.name): item for item in node.body if isinstance(item, ast.FunctionDef)}

    def reachable_methods(self, roots, inherited_methods):
        """Names of methods reachable from `roots` through `self.x()` calls in this class or its base."""
        all_methods = {**inherited_methods, **self.methods}
        reachable, pending = set(), list(roots)
        while pending:
            name = pending.pop()
            if name in reachable or name not in all_methods:
                continue
            reachable.add(name)
            pending.extend(called_self_methods(all_methods[name]))
        return reachable

    def instance_fields(self):
        translator = FunctionTranslator(self.class_names)
        return [(item.targets[0].id, translator.expression(item.value))
                for item in self.node.body if is_instance_field(item)]

    def static_value(self, name, value):
        if name.startswith("g_"):
            # Snowball names groupings g_*; Python writes them as str or set, both mean "one of
            # these characters", so both become a Set for the `in` translation.
            characters = ast.literal_eval(value)
            if not all(isinstance(character, str) and len(character) == 1 for character in characters):
                raise unsupported(value, "grouping")
            return f"new Set({js_string(''.join(sorted(characters)))})"
        return FunctionTranslator(self.class_names).expression(value)

    def translate(self, method_names, base_name=None):
        name = self.node.name
        header = f"class {name} extends {base_name} {{" if base_name else f"class {name} {{"
        lines = [header]
        fields = self.instance_fields()
        if fields and "__init__" in self.methods:
            raise unsupported(self.node, "class with both __init__ and class attributes")
        if fields:
            lines += [f"{INDENT}constructor() {{", f"{INDENT * 2}super();"]
            lines += [f"{INDENT * 2}this.{field} = {value};" for field, value in fields]
            lines += [f"{INDENT}}}"]
        for method_name, function in self.methods.items():
            if method_name in method_names:
                if len(lines) > 1:
                    lines.append("")  # blank line between members
                lines += translate_method(function, self.class_names, depth=1)
        lines.append("}")
        for item in self.node.body:
            if is_instance_field(item):
                continue
            if isinstance(item, ast.Assign) and isinstance(item.targets[0], ast.Name):
                static_name = item.targets[0].id
                lines.append(f"{name}.{static_name} = {self.static_value(static_name, item.value)};")
            elif not isinstance(item, (ast.FunctionDef, ast.Expr)):
                raise unsupported(item, "class body statement")
        return lines


def licence_text():
    distribution = importlib.metadata.distribution("snowballstemmer")
    licence_files = [file for file in distribution.files or [] if file.name == "COPYING"]
    if len(licence_files) != 1:
        raise UnsupportedPython("cannot find the COPYING licence file of snowballstemmer")
    return licence_files[0].read_text(encoding="utf-8").strip()


def generated_by_line(module_source):
    """The compiler line the package wrote, e.g. 'Generated from english.sbl by Snowball 3.1.1'."""
    first_line = module_source.splitlines()[0]
    if not first_line.startswith("# Generated from "):
        raise UnsupportedPython(f"unexpected first line: {first_line}")
    return first_line[2:]


RUNTIME = """\
const stemmers = {STEMMERS};

// Python indexes strings by code point, JavaScript by UTF-16 unit, so a character outside the
// Basic Multilingual Plane (emoji, mathematical letters) would count as two characters here and
// shift lengths and regions. No Snowball letter is such a character, so each distinct one is
// swapped for a private-use character absent from the word while stemming, and swapped back.
const ASTRAL_CHARACTER = /[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/;
const PRIVATE_USE_FIRST = 0xE000;
const PRIVATE_USE_LAST = 0xF8FF;

function stemWithStandIns(stemmer, word) {
    const standInFor = new Map();
    const originalOf = new Map();
    let candidate = PRIVATE_USE_FIRST;
    let encoded = "";
    for (const character of word) {  // iterates by code point, as Python does
        if (character.length === 1) {
            encoded += character;
            continue;
        }
        if (!standInFor.has(character)) {
            while (candidate <= PRIVATE_USE_LAST && word.includes(String.fromCharCode(candidate))) {
                candidate++;
            }
            if (candidate > PRIVATE_USE_LAST) {
                throw new RangeError("AtlasSnowball: too many distinct non-BMP characters in one word");
            }
            const standIn = String.fromCharCode(candidate++);
            standInFor.set(character, standIn);
            originalOf.set(standIn, character);
        }
        encoded += standInFor.get(character);
    }
    let decoded = "";
    for (const character of stemmer.stemWord(encoded)) {
        decoded += originalOf.get(character) || character;
    }
    return decoded;
}

/** Stem one lowercased word exactly like snowballstemmer's stemWord() for that language. */
function stem(language, word) {
    if (!Object.prototype.hasOwnProperty.call(stemmers, language)) {
        throw new Error("AtlasSnowball: unsupported language " + JSON.stringify(language));
    }
    if (typeof word !== "string") {
        throw new TypeError("AtlasSnowball: word must be a string");
    }
    const stemmer = stemmers[language];
    return ASTRAL_CHARACTER.test(word) ? stemWithStandIns(stemmer, word) : stemmer.stemWord(word);
}

return {
    stem: stem,
    languages: Object.freeze(Object.keys(stemmers)),
    snowballVersion: {VERSION},
};"""


def build_javascript():
    LANGUAGES = declared_snowball_languages()
    installed_version = importlib.metadata.version("snowballstemmer")
    if installed_version != PINNED_VERSION:
        raise SystemExit(f"snowballstemmer {installed_version} is installed; this generator "
                         f"targets {PINNED_VERSION}. Update PINNED_VERSION after checking the output.")

    _, among_tree = parse_module("among")
    _, base_tree = parse_module("basestemmer")
    class_names = {"Among", "BaseStemmer"} | {class_name for _, class_name in LANGUAGES.values()}
    among = ClassTranslator(module_class(among_tree, "Among"), class_names)
    base = ClassTranslator(module_class(base_tree, "BaseStemmer"), class_names)

    language_classes, base_methods_used, provenance = [], set(), []
    for module_name, class_name in LANGUAGES.values():
        source_path, tree = parse_module(module_name)
        provenance.append(generated_by_line(source_path.read_text(encoding="utf-8")))
        language = ClassTranslator(module_class(tree, class_name), class_names)
        reachable = language.reachable_methods(ENTRY_METHODS, base.methods)
        base_methods_used |= reachable & base.methods.keys()
        language_classes.append(language.translate(reachable, base_name="BaseStemmer"))

    body = among.translate(among.methods.keys())
    body += [""] + base.translate(base_methods_used)
    for lines in language_classes:
        body += [""] + lines
    stemmers = "{ " + ", ".join(f"{js_string(code)}: new {class_name}()"
                                 for code, (_, class_name) in LANGUAGES.items()) + " }"
    runtime = RUNTIME.replace("{STEMMERS}", stemmers).replace("{VERSION}", js_string(installed_version))
    body += [""] + runtime.splitlines()

    licence = "\n".join((" * " + line).rstrip() for line in licence_text().splitlines())
    header = f"""\
/*
 * AtlasSnowball: Snowball stemmers for the browser ({", ".join(LANGUAGES)}).
 *
 * GENERATED FILE, DO NOT EDIT. Regenerate with:
 *     .venv/bin/python tools/snowball_to_js.py
 * Translated mechanically from the Python modules of snowballstemmer {installed_version}
 * (PyPI; basestemmer.py, among.py, {", ".join(module + ".py" for module, _ in LANGUAGES.values())}):
{chr(10).join(" *     " + line for line in provenance)}
 * so that AtlasSnowball.stem(language, word) equals
 * snowballstemmer.stemmer(name).stemWord(word) of that package.
 *
 * Snowball is distributed under the BSD 3-Clause licence:
 *
{licence}
 */"""
    indented_body = "\n".join((INDENT + line).rstrip() for line in body)
    return f"""{header}
(function (root, factory) {{
    "use strict";
    const api = factory();
    if (typeof module === "object" && module.exports) {{
        module.exports = api;
    }} else {{
        root.AtlasSnowball = api;
    }}
}})(typeof globalThis !== "undefined" ? globalThis : this, function () {{
    "use strict";

{indented_body}
}});
"""


def main():
    javascript = build_javascript()
    OUTPUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT_PATH.write_text(javascript, encoding="utf-8")
    print(f"wrote {OUTPUT_PATH.relative_to(REPO_ROOT)} ({len(javascript.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
