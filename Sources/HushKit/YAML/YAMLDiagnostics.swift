/// The errors the YAML scanner reports, worded in one place so they stay consistent.
///
/// Messages name keys and YAML constructs but never quote a value: values may be secrets.
enum YAMLDiagnostics {
    struct Location {
        var file: String
        var line: Int
        var column: Int
    }

    static func aliasKey(_ name: String, at l: Location) -> HushError {
        error(l, "an alias (*\(name)) cannot be a mapping key in Hush files", hint: "write the key out in full")
    }

    static func undefinedAlias(_ name: String, at l: Location) -> HushError {
        error(l, "the alias *\(name) refers to no anchor &\(name) before it", hint: "define `&\(name)` on the value it stands for, above this line")
    }

    static func recursiveAlias(_ name: String, at l: Location) -> HushError {
        error(
            l, "the alias *\(name) is inside the node anchored &\(name), which would make it contain itself",
            hint: "refer to the anchor only after the node it anchors has ended")
    }

    static func anchorRedefinedInside(_ name: String, at l: Location) -> HushError {
        error(l, "the anchor &\(name) is defined again inside the node it anchors", hint: "give the inner anchor another name")
    }

    static func tooManyAliases(limit: Int, at l: Location) -> HushError {
        error(
            l, "aliases here would expand the document by more than \(limit) values (a \"billion laughs\" document?)",
            hint: "aliases of aliases multiply; write the repeated part out, or refer to it less often")
    }

    static func indicatorBeforeScalar(_ indicator: Character, at l: Location) -> HushError {
        error(
            l,
            "`\(indicator)` directly before a value in a flow collection: YAML 1.2 reads it as part of a plain scalar, libyaml as an indicator",
            hint: "quote the text (\"\(indicator)foo\") or put a space after the \(indicator)")
    }

    static func mergeValue(at l: Location) -> HushError {
        error(
            l, "a merge key (<<) takes a mapping, an alias of one (*name), or a list of them",
            hint: "merge a mapping (`<<: *defaults`), or quote the key (\"<<\") if it is an ordinary key")
    }

    static func collectionTag(_ tag: String, mapping: Bool, at l: Location) -> HushError {
        error(l, "the tag \(tag) cannot be applied to a \(mapping ? "mapping" : "sequence")", hint: "remove the tag, or use an application tag (!name)")
    }

    static func anchorWithoutSpace(_ name: String, at l: Location) -> HushError {
        error(
            l, "the anchor &\(name) is not followed by a space: YAML 1.2 and libyaml read where it ends differently",
            hint: "put a space after the anchor name")
    }

    static func blockScalarKeyAtEnd(at l: Location) -> HushError {
        error(
            l, "a block scalar key (| or >) that ends the file needs a line break after its last line",
            hint: "add a newline at the end of the file, or use a plain or quoted key")
    }

    static func blockScalarAtParentColumn(at l: Location) -> HushError {
        error(
            l, "a block scalar (| or >) that begins a line must be indented more than its key or `-`",
            hint: "indent its line, or put the | or > after the key's colon (`key: |`)")
    }

    static func keyTooLong(at l: Location) -> HushError {
        error(
            l, "a key longer than \(YAMLKeyLength.maximum) characters (the most Hush and libyaml read)",
            hint: "shorten the key: keys name values, only values may be long")
    }

    static func propertiesNotUnderstood(at l: Location) -> HushError {
        error(l, "cannot tell where the value after this anchor or tag starts", hint: "put one space between the anchor or tag and the value")
    }

    static func secondDocument(at l: Location) -> HushError {
        error(
            l, "a second YAML document is not supported in Hush files",
            hint: "keep one document per file: merge the keys into the first document or move them to another file"
        )
    }

    static func tooDeep(at l: Location) -> HushError {
        error(
            l, "nesting deeper than \(YAMLOutlineBuilder.maximumDepth) levels",
            hint: "flatten the document; configuration is never nested this deep, so this is likely damage or an attack")
    }

    static func pathsTooLong(limit: Int, at l: Location) -> HushError {
        error(
            l, "the key paths of this document's values hold more than \(limit) parts in all (values × nesting depth)",
            hint: "flatten the document or split it; configuration is never this deep and this large, so this is likely damage or an attack")
    }

    static func complexKey(at l: Location) -> HushError {
        error(l, "a mapping key must be a single value, not a list or a mapping", hint: "use a plain text key")
    }

    static func duplicateKey(_ key: String, firstLine: Int, at l: Location) -> HushError {
        error(
            l, "duplicate key \(key.debugDescription) in this mapping; it is first defined on line \(firstLine)",
            hint: "remove or rename one of the two entries"
        )
    }

    static func topLevelNotMapping(at l: Location) -> HushError {
        error(
            l, "the top level of a Hush YAML file must be a mapping of keys to values",
            hint: "start the file with `key: value` lines"
        )
    }

    static func commentWithoutSpace(at l: Location) -> HushError {
        error(
            l, "a comment must be separated from the value before it by a space",
            hint: "add a space before the `#`"
        )
    }

    static func utf16(at l: Location) -> HushError {
        error(l, "the file is encoded as UTF-16; Hush reads YAML files as UTF-8", hint: "save the file as UTF-8")
    }

    /// A libyaml parse failure, with libyaml's own description of the problem and, when it
    /// gives one, what it was reading and where that began.
    static func invalid(_ problem: String, context: String?, contextLine: Int?, at l: Location) -> HushError {
        var what = "invalid YAML: \(problem)"
        // "while scanning for the next token" says nothing the problem does not.
        if let context, !context.contains("next token") {
            what += " \(context)"
            if let contextLine { what += " that starts on line \(contextLine)" }
        }
        return error(l, what, hint: hint(forProblem: problem))
    }

    /// A hint for the libyaml problems people actually meet; libyaml's problem strings are
    /// fixed texts, so matching on them is stable.
    private static func hint(forProblem problem: String) -> String {
        if problem.contains("tab") {
            return "indent with spaces; YAML does not allow tabs for indentation"
        }
        if problem.contains("mapping values are not allowed") {
            return "quote the value if it contains ': ', or fix the indentation of this key"
        }
        if problem.contains("cannot start any token") {
            return "quote values that start with @ or `, and indent with spaces, not tabs"
        }
        if problem.contains("escape") {
            return "inside double quotes, write a backslash as \\\\ or use single quotes"
        }
        if problem.contains("UTF-8") || problem.contains("control characters") || problem.contains("byte order") {
            return "save the file as UTF-8 text; write control characters as escapes in double quotes"
        }
        return "check the indentation and quoting near this position"
    }

    private static func error(_ l: Location, _ what: String, hint: String) -> HushError {
        HushError.syntax(l.file, line: l.line, column: l.column, what, hint: hint)
    }
}
