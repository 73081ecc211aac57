import Foundation
import HushTestSupport
import Testing

/// Keyword-context rules through the real binary (PCRE2, the prefilter, line windows): a key
/// without a prefix is found by the service's name before it, with the right rule id, and the
/// look-alikes next to it are not. Values are made at run time, so no key-like literal is here,
/// from a fixed seed, so every run checks the same values.
@Suite struct ScanContextCLITests {
    static let hex = "0123456789abcdef"
    static let lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
    static let base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

    @Test func keysWithoutPrefixAreFoundByTheServiceName() throws {
        let box = try Sandbox()
        var random = SeededGenerator(seed: 0x5EED_CAFE)
        let lines = [
            "FINNHUB_TOKEN = '\(random.string(Self.lowerAlnum, 19))x'",  // 1: finnhub-api-key
            "CLOUDFLARE_API_KEY=\(random.string(Self.hex, 37))",  // 2: cloudflare-global-api-key
            "cloudflare_api_token: \(random.string(Self.base64url, 39))Q",  // 3: cloudflare-api-token
            "uses: cloudflare/wrangler-action@\(random.string(Self.hex, 40))",  // 4: a version pin
            "confluence_space = \(random.string("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16))",  // 5: not Confluent
            "stripe.api_key = \"sk_test_BQokikJOvBiI2HlWgH4olfQ2\"",  // 6: Stripe's documentation key
            "FINNHUB_TOKEN = '\(random.string(Self.lowerAlnum, 21))'",  // 7: one character too long
        ]
        try box.write("config/services.py", lines.joined(separator: "\n") + "\n")
        let result = try box.hush(["scan", "config", "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let found = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let rule = object["rule"] as? String, let number = object["line"] as? Int
            else { return nil }
            return "\(number):\(rule)"
        }
        // Line 7 is still a generated value under a secret-sounding name (`generic-secret`),
        // but not a Finnhub key.
        #expect(
            found.filter { !$0.hasSuffix(":generic-secret") } == ["1:finnhub-api-key", "2:cloudflare-global-api-key", "3:cloudflare-api-token"],
            "\(result.stdout)")
    }
}
