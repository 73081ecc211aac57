import Foundation
import Testing

/// This repository scans clean with its own scanner: pattern rules, structure checks, and the
/// demo vault's values (opened with the test-only key), minus the paths `.hush.yaml` excludes
/// on purpose. A secret committed by mistake fails CI here.
@Suite struct RepositoryScanTests {
    @Test func theRepositoryHasNoFindings() throws {
        let box = try Sandbox()
        let key = DemoVaultTests.key("test-alice")
        let scan = try box.hush(["scan", "--identity", key], in: DemoVaultTests.repoRoot)
        #expect(scan.status == 0, "\(scan.stdout)\(scan.stderr)")
        #expect(scan.stderr.contains("vault values from 2 of 2 environments"), "\(scan.stderr)")
    }
}
