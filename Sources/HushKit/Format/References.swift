/// Where the values of a YAML document with anchors, aliases and merge keys are written, so
/// that `hush set` and `hush unset` of a key that exists only through an alias or a merge can
/// say where its value is defined instead of writing somewhere that changes its meaning.
///
/// Hush refuses such a write: setting the value where it is defined would change every place
/// that shares it, and writing an override in place would change the document's layout in a
/// way the user did not ask for (a merge is shallow: a nested mapping written to override one
/// key replaces the whole merged mapping). The error names both fixes.
enum References {
    /// A value node of the document with its written path.
    struct Written {
        var path: [PathComponent]
        var node: OutlineNode
    }

    /// Every value node (collections, scalars, aliases) with its path, and every merge key
    /// with the path of its mapping, in document order.
    static func written(_ outline: DocumentOutline) -> (values: [Written], merges: [Written]) {
        var values: [Written] = []
        var merges: [Written] = []
        // Open collections: path, whether a mapping, the pending key, the next index.
        var stack: [(path: [PathComponent], isMapping: Bool, key: String?, next: Int)] = []
        func nextPath() -> [PathComponent] {
            guard let top = stack.last else { return [] }
            var path = top.path
            if top.isMapping {
                path.append(.key(top.key ?? ""))
                stack[stack.count - 1].key = nil
            } else {
                path.append(.index(top.next))
                stack[stack.count - 1].next += 1
            }
            return path
        }
        for node in outline.nodes {
            switch node.kind {
            case .mapping, .sequence:
                let path = nextPath()
                values.append(Written(path: path, node: node))
                stack.append((path, node.kind == .mapping, nil, 0))
            case .end:
                stack.removeLast()
            case .key(let key):
                stack[stack.count - 1].key = key
            case .mergeKey:
                stack[stack.count - 1].key = "<<"
                merges.append(Written(path: stack[stack.count - 1].path, node: node))
            case .scalar, .alias:
                values.append(Written(path: nextPath(), node: node))
            }
        }
        return (values, merges)
    }

    /// Throws when `parts` (not a written value) exists only through an alias or a merge key,
    /// or lies under an alias: naming where the value is defined and what to do instead.
    /// `verb` is what was asked (`set`, `unset`).
    static func refuseIndirect(_ outline: DocumentOutline, syntax: Syntax, file: String, parts: [String], verb: String) throws {
        guard syntax == .yaml, outline.hasReferences else { return }
        let display = parts.joined(separator: ".")
        let (values, merges) = written(outline)
        let data = try? DataModel.build(outline, syntax: syntax, file: file, typed: false)
        let definedAt: String = {
            guard case .scalar(let scalar)? = data?.lookup(parts), let origin = scalar.origin else { return "" }
            let leaf = outline.leaves[origin]
            return "; its value is written at \(KeyPath.display(leaf.path)) (line \(leaf.line))"
        }()
        for count in 1...parts.count {
            let prefix = Array(parts.prefix(count))
            // An alias on the way: the key is (or lies inside) a copy of another node.
            if let alias = values.last(where: { KeyPath.matches($0.path, prefix) }), case .alias(let name) = alias.node.kind {
                let anchor = values.last { $0.node.anchor == name && $0.node.line <= alias.node.line }
                let source = anchor.map { "\(KeyPath.display($0.path)) (line \($0.node.line))" } ?? "&\(name)"
                let place =
                    count == parts.count ? "\(display) is the alias *\(name)" : "\(display) lies inside the alias *\(name) at \(prefix.joined(separator: "."))"
                throw HushError(
                    .badInput, "\(file): cannot \(verb) \(display): \(place) (line \(alias.node.line)) of \(source)\(definedAt)",
                    hint: "change it where it is defined (every alias of it changes too), or use `hush edit` to write a value of its own here")
            }
            // A merge on the way: the key is not written in its mapping but merged into it.
            let parent = Array(parts.prefix(count - 1))
            if let merge = merges.last(where: { KeyPath.matches($0.path, parent) }),
                !values.contains(where: { KeyPath.matches($0.path, prefix) }), data?.lookup(prefix) != nil
            {
                let mapping = parent.isEmpty ? "the top level" : parent.joined(separator: ".")
                throw HushError(
                    .badInput,
                    "\(file): cannot \(verb) \(display): \(prefix.joined(separator: ".")) is not written in \(mapping) but merged into it by the merge key (<<) on line \(merge.node.line)\(definedAt)",
                    hint:
                        "change it where it is defined (every mapping that merges it changes too), or use `hush edit` to write the key in \(mapping), which overrides the merged one"
                )
            }
        }
    }

    /// The document's anchors, aliases, merge keys and tags with where they are: equal for two
    /// versions that differ only in values, comments and layout.
    static func skeleton(_ outline: DocumentOutline) -> [String] {
        guard outline.hasReferences else { return [] }
        let (values, merges) = written(outline)
        var out: [String] = merges.map { "<< " + KeyPath.display($0.path) }
        for value in values where value.node.anchor != nil || value.node.tag != nil || value.node.isAlias {
            var text = KeyPath.display(value.path) + " &" + (value.node.anchor ?? "") + " !" + (value.node.tag ?? "")
            if case .alias(let name) = value.node.kind { text += " *" + name }
            out.append(text)
        }
        return out
    }

    /// Throws when `leaf` carries an anchor that an alias after it uses: removing the value
    /// would leave the alias without its anchor.
    static func refuseRemovingAnchor(_ leaf: Leaf, _ outline: DocumentOutline, file: String) throws {
        guard outline.hasReferences, let index = outline.leaves.firstIndex(where: { $0.path == leaf.path }),
            let anchor = outline.nodes.first(where: { $0.kind == .scalar(index) })?.anchor
        else { return }
        let users = outline.nodes.filter { $0.kind == .alias(anchor) && $0.line >= leaf.line }.map { String($0.line) }
        guard !users.isEmpty else { return }
        throw HushError(
            .badInput,
            "\(file): \(KeyPath.display(leaf.path)) is anchored as &\(anchor) and the alias *\(anchor) uses it (line \(users.joined(separator: ", ")))",
            hint: "use `hush edit` to remove the aliases too, or to move the anchor")
    }
}
