import Testing

@testable import HushKit

/// Anchors, aliases, merge keys and tags (issue 11): where the outline puts leaf ranges, what
/// structure it records, and the data model built from it.
@Suite struct YAMLReferencesTests {
    static func data(_ text: String) throws -> DataValue {
        try DataModel.build(YAMLTest.scan(text), syntax: .yaml, file: "test.yaml")
    }

    static func json(_ text: String) throws -> String {
        try data(text).json()
    }

    @Test func rangesExcludeAnchorsAndTags() throws {
        let text = """
            a: &x plain
            b: !!str 'quoted'
            c: &y !Ref "double"
            d: !!binary |
              aGVsbG8=
            e: [&z 1, !!int "2", !Sub x]
            f: &w
              # a comment between the anchor and the value
              after
            g: !!str
            h: *x

            """
        let outline = try YAMLTest.scan(text)
        #expect(
            outline.leaves.map { YAMLTest.raw(text, $0) } == [
                "plain", "'quoted'", "\"double\"", "|\n  aGVsbG8=", "1", "\"2\"", "x", "after", "",
            ])
        let scalars = outline.nodes.filter { if case .scalar = $0.kind { true } else { false } }
        #expect(scalars.map(\.anchor) == ["x", nil, "y", nil, "z", nil, nil, "w", nil])
        #expect(
            scalars.map(\.tag) == [
                nil, "tag:yaml.org,2002:str", "!Ref", "tag:yaml.org,2002:binary", nil, "tag:yaml.org,2002:int", "!Sub", nil,
                "tag:yaml.org,2002:str",
            ])
        // The type letter is the raw text's: `!!int "2"` is a quoted scalar, so `s`.
        #expect(outline.leaves[5].type == .string)
        // An empty value after a tag sits right after the tag.
        let g = outline.leaves[8]
        #expect(Array(text.utf8)[..<g.range.lowerBound].suffix(5).elementsEqual("!!str".utf8))
        #expect(outline.hasReferences)
        #expect(outline.nodes.contains { $0.kind == .alias("x") })
    }

    /// Found by the roundtrip fuzzer: properties with no value after them, followed by a line
    /// that starts with a byte order mark (which libyaml skips), made a non-empty range.
    @Test func propertiesWithoutAValueAcrossLines() throws {
        let text = "a:\n !t\n\u{FEFF}  # c\n &x\n"
        let outline = try YAMLTest.scan(text)
        #expect(outline.leaves.count == 1 && outline.leaves[0].range.isEmpty)
        #expect(outline.leaves[0].range.lowerBound == text.utf8.count - 1)
        // After a tag on the same line, a byte order mark is part of the value.
        let inline = "a: !t \u{FEFF}x\n"
        #expect(try YAMLTest.scan(inline).leaves.map { YAMLTest.raw(inline, $0) } == ["\u{FEFF}x"])
    }

    @Test func collectionsWithPropertiesKeepTheirKeyColumn() throws {
        let text = "top: &t\n  inner: 1\n  other: 2\nnext: *t\n"
        let outline = try YAMLTest.scan(text)
        let top = try #require(outline.mappings.first { $0.path == [.key("top")] })
        #expect(top.keyColumn == 2)
        #expect(outline.nodes.first { $0.kind == .mapping && $0.anchor == "t" }?.line == 2)
    }

    @Test func structureNodesInOrder() throws {
        let outline = try YAMLTest.scan("a: &m {x: 1}\nb:\n  <<: *m\n  y: []\n")
        #expect(
            outline.nodes.map(\.kind) == [
                .mapping, .key("a"), .mapping, .key("x"), .scalar(0), .end, .key("b"), .mapping, .mergeKey, .alias("m"), .key("y"), .sequence,
                .end, .end, .end,
            ])
        // A quoted `<<` is an ordinary key.
        #expect(try YAMLTest.scan("\"<<\": 1\n").nodes[1].kind == .key("<<"))
    }

    @Test func aliasesResolve() throws {
        #expect(try Self.json("a: &x 1\nb: *x\nc: &l [x, *x]\nd: *l\n") == #"{"a":1,"b":1,"c":["x",1],"d":["x",1]}"#)
        // A redefined anchor: later aliases see the new node.
        #expect(try Self.json("a: &x 1\nb: &x two\nc: *x\n") == #"{"a":1,"b":"two","c":"two"}"#)
        // A key's anchor gives the key's text.
        #expect(try Self.json("&k key: *k\n") == #"{"key":"key"}"#)
    }

    @Test func mergeKeysAsPyYAMLAndRuamel() throws {
        let text = "a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  w: 0\n  <<: [*a, *b]\n  x: 9\nd: {<<: {p: 1}, q: 2}\n"
        #expect(
            try Self.json(text)
                == #"{"a":{"x":1,"y":2},"b":{"y":3,"z":4},"c":{"y":2,"z":4,"x":9,"w":0},"d":{"p":1,"q":2}}"#)
        let bad = try #require(throws: HushError.self) { try Self.data("a: &s 1\nb:\n  <<: *s\n") }
        #expect(bad.message.hasPrefix("test.yaml:3:") && bad.message.contains("merge key"))
    }

    @Test func tagsApply() throws {
        let text = "a: !!str 12\nb: !!int \"0x10\"\nc: !!float 2\nd: !!bool \"TRUE\"\ne: !!null \"\"\nf: !!binary aGk=\ng: !Ref 5\nh: !!timestamp 2001-12-14\n"
        #expect(try Self.json(text) == #"{"a":"12","b":16,"c":2.0,"d":true,"e":null,"f":"aGk=","g":"5","h":"2001-12-14"}"#)
        guard case .mapping(let entries) = try Self.data(text), case .scalar(let binary) = entries[5].value else {
            Issue.record("no binary")
            return
        }
        #expect(binary.bytes == Array("hi".utf8))
        for bad in [
            "a: !!int x\n", "a: !!float 0x1\n", "a: !!bool yes\n", "a: !!null x\n", "a: !!binary a*b\n", "a: !!timestamp today\n", "a: !!set {x}\n",
            "a: !!str [1]\n",
        ] {
            #expect(throws: HushError.self, "\(bad)") { try Self.data(bad) }
        }
    }

    @Test func emptyCollectionsAndBigIntegers() throws {
        #expect(try Self.json("key1: []\nkey2: {}\nnested: [[[ ]]]\n") == #"{"key1":[],"key2":{},"nested":[[[]]]}"#)
        #expect(try Self.json("i: [0x1FFFFFFFFFFFFFFFFF, 0o17, -0o17, +5, -0, 007]\n") == #"{"i":[590295810358705651711,15,"-0o17",5,0,7]}"#)
        let flat = try Self.data("a: []\nb: {x: {}}\nc: 1\n").flattened()
        #expect(flat.map { KeyPath.display($0.path) } == ["a", "b.x", "c"])
        #expect(flat.map { $0.scalar == nil } == [true, true, false])
    }

    /// `flattened(sharingPathsOf:)` takes a leaf's path array where a value is at the path it
    /// is written at, and builds its own where an alias or a merge put it elsewhere.
    @Test func flattenedSharesOnlyEqualPaths() throws {
        let text = "base: &b {u: 1, v: [2, 3]}\nuse:\n  <<: *b\n  w: 4\nagain: *b\nlist: [&x 5, *x]\n"
        let outline = try YAMLTest.scan(text)
        let data = try DataModel.build(outline, syntax: .yaml, file: "test.yaml")
        let own = data.flattened()
        let shared = data.flattened(sharingPathsOf: outline.leaves)
        #expect(shared.map(\.path) == own.map(\.path))
        #expect(shared.map { $0.scalar?.text } == own.map { $0.scalar?.text })
        func base(_ path: [PathComponent]) -> UnsafeRawPointer? { path.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        let leafPaths = Set(outline.leaves.map { base($0.path) })
        let sharing = shared.map { KeyPath.display($0.path) + (leafPaths.contains(base($0.path)) ? " =" : "") }
        #expect(
            sharing == [
                "base.u =", "base.v.[0] =", "base.v.[1] =", "use.u", "use.v.[0]", "use.v.[1]", "use.w =", "again.u", "again.v.[0]",
                "again.v.[1]", "list.[0] =", "list.[1]",
            ])
    }

    @Test func expansionIsBounded() throws {
        // Nine levels of ten aliases: refused while reading, before anything is expanded.
        let error = try #require(YAMLTest.error(billionLaughs))
        #expect(error.message.contains("more than \(YAMLOutlineBuilder.maximumExpansion)"))
        // Four levels (11,110 values) are fine.
        let small = (1...4).reduce("a: &a0 [lol]\n") { text, level in
            text + "a\(level): &a\(level) [" + [String](repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(try Self.data(small).flattened().count == 1 + 10 + 100 + 1000 + 10000)
    }

    @Test func blockScalarAtTheEndWithoutALineBreak() throws {
        for (text, value) in [("a: |\n  x", "x"), ("a: >\n  x\n  y", "x y"), ("a: |+\n  x", "x"), ("a: |-\n  x", "x")] {
            let outline = try YAMLTest.scan(text)
            #expect(outline.leaves[0].value == value)
            #expect(outline.leaves[0].range.upperBound == text.utf8.count)
        }
    }

    @Test func setAndUnsetRefuseIndirectKeys() throws {
        let text = "d: &d {pw: x}\nweb:\n  <<: *d\nalias: *d\n"
        let outline = try YAMLTest.scan(text)
        let set = { (parts: [String]) in
            try DocumentEdit.set(Array(text.utf8), outline: outline, syntax: .yaml, file: "t.yaml", parts: parts, value: "v")
        }
        let merged = try #require(throws: HushError.self) { try set(["web", "pw"]) }
        #expect(merged.message.contains("merge key (<<) on line 3") && merged.message.contains("written at d.pw (line 1)"), "\(merged.message)")
        let aliased = try #require(throws: HushError.self) { try set(["alias", "pw"]) }
        #expect(aliased.message.contains("inside the alias *d"), "\(aliased.message)")
        let whole = try #require(throws: HushError.self) { try set(["alias"]) }
        #expect(whole.message.contains("is the alias *d"), "\(whole.message)")
        // A new key in the merging mapping overrides: written as usual.
        #expect(String(decoding: try set(["web", "extra"]), as: UTF8.self) == "d: &d {pw: x}\nweb:\n  <<: *d\n  extra: v\nalias: *d\n")
        let anchored = try #require(throws: HushError.self) {
            try DocumentEdit.unset(Array("a: &x 1\nb: *x\n".utf8), outline: YAMLTest.scan("a: &x 1\nb: *x\n"), syntax: .yaml, file: "t.yaml", parts: ["a"])
        }
        #expect(anchored.message.contains("alias *x uses it"))
    }
}
