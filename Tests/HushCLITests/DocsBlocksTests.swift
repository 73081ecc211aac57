import Testing

/// The Markdown reading DocsCommandsTests relies on: which blocks and lines it runs.
@Suite struct DocsBlocksTests {
    static let markdown = """
        # Title

        ```sh
        hush set production KEY   # reads stdin
        git add . &&
        printf %s "$V" | hush set staging \\
          api.token
        # a comment line
        hush get production NOPE  # exits 2: no such key
        ```

        ```yaml
        run: hush exec production -- ./deploy
        ```

        - a list item:
          ```console
          $ hush keys production
          DATABASE_URL
          $ echo '# not a comment' | cat
          ```

        ```sh
        scripts/test   # runs hush's tests
        if [ -n "$X" ]; then HUSH_IDENTITY=x hush verify; fi
        ```
        """

    @Test func blocksCommandsAndComments() throws {
        let blocks = DocBlock.parse(Self.markdown, doc: "t.md")
        #expect(blocks.map(\.language) == ["sh", "yaml", "console", "sh"])
        #expect(blocks.map(\.runsHush) == [true, false, true, true])
        let sh = blocks[0].commands
        let expected = ["hush set production KEY", "git add . &&", #"printf %s "$V" | hush set staging   api.token"#, "hush get production NOPE"]
        #expect(sh.map(\.command) == expected)
        #expect(sh.map(\.line) == [4, 5, 6, 9])
        #expect(sh.map(\.runsHush) == [true, false, true, true])
        #expect(sh.map(\.documentedStatus) == [nil, nil, nil, 2])
        let console = blocks[2].commands
        #expect(console.map(\.command) == ["hush keys production", "echo '# not a comment' | cat"])
        #expect(blocks[2].lines.first == "$ hush keys production")
        #expect(blocks[3].commands.map(\.runsHush) == [false, true])
    }

    @Test func optionalPartsGiveTwoForms() {
        #expect(DocCommand.variants("hush diff [REV] [ENV…]") == ["hush diff", "hush diff REV ENV…"])
        #expect(DocCommand.variants("hush init [--name alice]  ") == ["hush init  ", "hush init --name alice  "])
        #expect(DocCommand.variants(#"[ "$#" -eq 2 ] && hush sync"#) == [#"[ "$#" -eq 2 ] && hush sync"#])
        #expect(DocCommand.variants("hush verify") == ["hush verify"])
    }

    @Test func proseLeavesOutBlocks() {
        let prose = DocBlock.prose(Self.markdown)
        #expect(prose.contains("- a list item:") && !prose.contains("hush keys") && !prose.contains("hush set"))
    }
}
