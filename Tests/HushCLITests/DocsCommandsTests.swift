import Foundation
import Testing

/// Every command shown in README.md and docs/*.md runs as shown: the shell blocks that run
/// `hush` are run in a sandbox per document (DocsFixtures), read from the docs at run time.
@Suite struct DocsCommandsTests {
    /// README.md and docs/*.md.
    static func documents() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: DemoVaultTests.repoRoot.appendingPathComponent("docs").path)
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    static func blocks(_ doc: String) throws -> [DocBlock] {
        let text = try String(contentsOf: DemoVaultTests.repoRoot.appendingPathComponent(doc), encoding: .utf8)
        return DocBlock.parse(text, doc: doc)
    }

    /// Each document with a `hush` block has a fixture, and each fixture's document has one.
    @Test func everyDocumentWithCommandsHasAFixture() throws {
        var withCommands: [String] = []
        for doc in try Self.documents() where try Self.blocks(doc).contains(where: \.runsHush) {
            withCommands.append(doc)
            #expect(
                DocsFixtures.all.contains { $0.doc == doc },
                "\(doc) shows `hush` commands in a shell block: add its fixture to DocsFixtures (or list the block in DocsFixtures.skipped)")
        }
        for fixture in DocsFixtures.all {
            #expect(withCommands.contains(fixture.doc), "\(fixture.doc) has no shell block that runs hush: remove its fixture")
        }
        #expect(withCommands.contains("README.md"), "the parser found no command in README.md")
    }

    @Test(arguments: DocsFixtures.all)
    func commandsRunAsShown(_ fixture: DocFixture) throws {
        let blocks = try Self.blocks(fixture.doc).filter(\.runsHush)
        let skipped = DocsFixtures.skipped.filter { $0.doc == fixture.doc }
        let runner = try DocsRunner(fixture)
        let runnable = blocks.filter { block in !skipped.contains { block.text.contains($0.match) } }
        runner.assignSteps(runnable.flatMap(\.commands))
        guard runner.setUp() else { return }
        var ran = 0
        for block in runnable {
            ran += runner.run(block)
        }
        runner.checkEveryEntryUsed()
        #expect(ran > 0, "\(fixture.doc): no command ran")
    }

    /// Each listed block still exists: exactly one shell block of its document runs hush and
    /// contains the listed text.
    @Test func skippedBlocksExist() throws {
        for skip in DocsFixtures.skipped {
            let matches = try Self.blocks(skip.doc).filter { $0.runsHush && $0.text.contains(skip.match) }
            #expect(matches.count == 1, "\(skip.doc): \(matches.count) shell blocks with `hush` contain \"\(skip.match)\"; a skip must name one")
        }
    }

    /// Reported as skipped, with every listed block and its reason, when any block is not run.
    @Test(.disabled(if: !DocsFixtures.skipped.isEmpty, Comment(rawValue: DocsFixtures.skipped.map(\.report).joined(separator: "; "))))
    func everyBlockRuns() {}
}
